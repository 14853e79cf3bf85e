import { expect, test } from "@playwright/test";
import { db } from "../support/db";
import { apiClient, createServiceAccountWithToken, errorOf } from "../support/tokens";

const whoami = (request: Parameters<typeof apiClient>[0], token: string) => apiClient(request, token).get("/api/v1/whoami");

test.describe("REST API: tokens stop working exactly when they should", () => {
  test("regenerate with a grace period: the old token works until then, then 401", async ({ request }) => {
    const account = await createServiceAccountWithToken("CONTRIBUTOR");
    const graceUntil = new Date(Date.now() + 4_000);
    const response = await apiClient(request, account.value).post(`/api/v1/service-accounts/${account.accountId}/tokens`, { previousTokenExpiresAt: graceUntil.toISOString() });
    expect(response.status()).toBe(201);
    const fresh = (await response.json()).token;
    expect((await whoami(request, account.value)).status()).toBe(200);
    expect((await whoami(request, fresh.value)).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, graceUntil.getTime() - Date.now() + 250));
    expect((await whoami(request, account.value)).status()).toBe(401);
    expect((await whoami(request, fresh.value)).status()).toBe(200);
  });

  test("regenerate without a grace period: the old token is refused at once", async ({ request }) => {
    const account = await createServiceAccountWithToken("CONTRIBUTOR");
    const response = await apiClient(request, account.value).post(`/api/v1/service-accounts/${account.accountId}/tokens`, { previousTokenExpiresAt: null });
    expect(response.status()).toBe(201);
    expect((await whoami(request, account.value)).status()).toBe(401);
  });

  test("a revoked token and a deleted account's token are refused on the very next request", async ({ request }) => {
    const admin = await createServiceAccountWithToken("ADMIN");
    const revoked = await createServiceAccountWithToken("VIEWER");
    const deleted = await createServiceAccountWithToken("VIEWER");
    expect((await whoami(request, revoked.value)).status()).toBe(200);
    expect((await whoami(request, deleted.value)).status()).toBe(200);
    expect((await apiClient(request, admin.value).post(`/api/v1/tokens/${revoked.tokenId}/revoke`)).status()).toBe(200);
    expect((await apiClient(request, admin.value).delete(`/api/v1/service-accounts/${deleted.accountId}`)).status()).toBe(204);
    expect((await whoami(request, revoked.value)).status()).toBe(401);
    expect((await whoami(request, deleted.value)).status()).toBe(401);
  });

  test("missing, malformed, unknown, expired and revoked tokens all get the same 401 body", async ({ request }) => {
    const expired = await createServiceAccountWithToken("VIEWER", { expiresAt: new Date(Date.now() - 1_000) });
    const revoked = await createServiceAccountWithToken("VIEWER");
    await db().query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE id = $1`, [revoked.tokenId]);
    const unknown = await createServiceAccountWithToken("VIEWER");
    await db().query(`DELETE FROM "ServiceAccount" WHERE id = $1`, [unknown.accountId]);
    const bodies = [];
    for (const token of [null, "kh_notatoken", `${unknown.value.slice(0, -1)}x`, unknown.value, expired.value, revoked.value]) {
      const response = await whoami(request, token as string);
      expect(response.status()).toBe(401);
      expect(response.headers()["www-authenticate"]).toContain("Bearer");
      bodies.push(await errorOf(response));
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]!.code).toBe("unauthenticated");
  });

  test("introspection answers for active, revoked, expired and garbage tokens", async ({ request }) => {
    const introspector = await createServiceAccountWithToken("INTROSPECTOR");
    const api = apiClient(request, introspector.value);
    const active = await createServiceAccountWithToken("CONTRIBUTOR", { expiresAt: new Date(Date.now() + 3_600_000) });
    const expired = await createServiceAccountWithToken("VIEWER", { expiresAt: new Date(Date.now() - 1_000) });
    const revoked = await createServiceAccountWithToken("VIEWER");
    await db().query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE id = $1`, [revoked.tokenId]);

    const answer = await (await api.post("/api/v1/introspect", { token: active.value })).json();
    expect(answer).toMatchObject({ active: true, sub: active.accountId, role: "CONTRIBUTOR", jti: active.tokenId, client_id: active.accountId, username: active.accountName });
    expect(answer.exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);
    for (const token of [expired.value, revoked.value, "garbage", `kh_${"0".repeat(49)}`]) {
      const response = await api.post("/api/v1/introspect", { token });
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual({ active: false });
    }
  });
});
