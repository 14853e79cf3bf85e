import { describe, expect, it } from "vitest";
import { recordTokenUse } from "@/lib/api/token-usage";
import { db } from "@/lib/db/client";
import { callApi } from "@/lib/testing/api-call";
import { createTestServiceAccount, createTestUser } from "@/lib/testing/factories";

// GET /api/v1/service-accounts?include=tokens (keyhold apply reads a whole state in a few pages with it): each
// account carries its tokens as GET …/{id}/tokens answers them, and only accounts the caller may see are listed.

type Listed = { data: { id: string; tokens?: unknown[] }[] };

describe("GET /api/v1/service-accounts?include=tokens", () => {
  it("gives each listed account its tokens, the same as listTokens, and nothing without include", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const caller = await createTestServiceAccount(owner.id, { role: "CONTRIBUTOR" });
    const other = await createTestServiceAccount(owner.id, { role: "VIEWER" });
    await db.apiToken.update({ where: { id: other.token.id }, data: { revokedAt: new Date() } });
    const stranger = await createTestServiceAccount((await createTestUser({ role: "CONTRIBUTOR" })).id);

    // The caller's first use writes its token's "last used" in the background; written first, it cannot land
    // between the list and the per-account reads below (the next write is a minute away).
    await recordTokenUse(caller.token.id, caller.account.id, null);

    const listed = await callApi("GET", "/api/v1/service-accounts", { token: caller.value, query: { include: "tokens", limit: "100" } });
    expect(listed.status).toBe(200);
    const { data } = listed.body as Listed;
    expect(data.map((account) => account.id).sort()).toEqual([caller.account.id, other.account.id].sort());
    for (const account of data) {
      const one = await callApi("GET", "/api/v1/service-accounts/{id}/tokens", { token: caller.value, params: { id: account.id } });
      expect(account.tokens).toEqual((one.body as { data: unknown[] }).data);
    }
    expect(data.find((account) => account.id === other.account.id)!.tokens).toMatchObject([{ id: other.token.id, status: "revoked" }]);
    expect(data.some((account) => account.id === stranger.account.id)).toBe(false);

    const plain = await callApi("GET", "/api/v1/service-accounts", { token: caller.value, query: { limit: "100" } });
    expect((plain.body as Listed).data.every((account) => !("tokens" in account))).toBe(true);
    const bad = await callApi("GET", "/api/v1/service-accounts", { token: caller.value, query: { include: "grants" } });
    expect(bad.status).toBe(422);
  });
});
