import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
import { withWrongLastCharacter } from "@/lib/testing/wrong-token";
import { authenticateToken, bearerToken } from "./authenticate-token";
import { flushTokenUsage, recordTokenUse } from "./token-usage";

describe("authenticateToken", () => {
  it("finds an active token's service account and refuses expired, revoked and malformed ones", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const active = await createTestServiceAccount(owner.id, { role: "CONTRIBUTOR" });
    expect(await authenticateToken(active.value)).toMatchObject({
      actor: { type: "SERVICE_ACCOUNT", id: active.account.id, role: "CONTRIBUTOR", ownerId: owner.id, tokenId: active.token.id },
    });
    const expired = await createTestServiceAccount(owner.id, { expiresAt: new Date(Date.now() - 1000) });
    expect(await authenticateToken(expired.value)).toBeNull();
    const revoked = await createTestServiceAccount(owner.id);
    await db.apiToken.update({ where: { id: revoked.token.id }, data: { revokedAt: new Date() } });
    expect(await authenticateToken(revoked.value)).toBeNull();
    expect(await authenticateToken(withWrongLastCharacter(active.value))).toBeNull();
  });

  it("reads the bearer token from the Authorization header", () => {
    expect(bearerToken("Bearer kh_abc")).toBe("kh_abc");
    expect(bearerToken("bearer  kh_abc ")).toBe("kh_abc");
    expect(bearerToken("Basic a2g6")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});

describe("token usage", () => {
  it("writes last use at most once a minute and counts every request per day", async () => {
    const owner = await createTestUser();
    const { account, token } = await createTestServiceAccount(owner.id);
    await recordTokenUse(token.id, account.id, "203.0.113.9");
    const first = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(first).toMatchObject({ lastUsedIp: "203.0.113.9" });
    // Within the minute: counted, but nothing more written.
    for (let i = 0; i < 9; i++) expect(recordTokenUse(token.id, account.id, "203.0.113.10")).toBeUndefined();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedIp).toBe("203.0.113.9");
    expect((await db.tokenUsage.findMany({ where: { tokenId: token.id } })).map((u) => u.requests)).toEqual([1]);
    await flushTokenUsage();
    expect((await db.tokenUsage.findMany({ where: { tokenId: token.id } })).map((u) => u.requests)).toEqual([10]);
    expect((await db.serviceAccount.findUniqueOrThrow({ where: { id: account.id } })).lastUsedAt).not.toBeNull();
  });
});

describe("token lookup cache", () => {
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 50; i++) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  };

  it("forgets a token revoked through the app at once, and one revoked by SQL on the notification", async () => {
    const { revokeToken } = await import("@/lib/service-accounts/revoke-token");
    const { actorOf, testMeta } = await import("@/lib/testing/factories");
    const admin = await createTestUser({ role: "ADMIN" });
    const viaApp = await createTestServiceAccount(admin.id);
    const viaSql = await createTestServiceAccount(admin.id);
    // Warm the cache (the first call also opens the notification connection).
    await authenticateToken(viaApp.value);
    await new Promise((r) => setTimeout(r, 200));
    expect(await authenticateToken(viaApp.value)).not.toBeNull();
    expect(await authenticateToken(viaSql.value)).not.toBeNull();

    await revokeToken({ tokenId: viaApp.token.id }, { actor: actorOf(admin), meta: testMeta() });
    expect(await authenticateToken(viaApp.value)).toBeNull();

    await db.$executeRaw`UPDATE "ApiToken" SET "revokedAt" = now() WHERE id = ${viaSql.token.id}::uuid`;
    expect(await eventually(async () => (await authenticateToken(viaSql.value)) === null)).toBe(true);
  });

  it("sees a role change made by SQL", async () => {
    const owner = await createTestUser();
    const { account, value } = await createTestServiceAccount(owner.id, { role: "VIEWER" });
    await authenticateToken(value);
    await db.serviceAccount.update({ where: { id: account.id }, data: { role: "ADMIN" } });
    expect(await eventually(async () => (await authenticateToken(value))?.actor.role === "ADMIN")).toBe(true);
  });
});
