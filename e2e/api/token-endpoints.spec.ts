// The token endpoints: list, add (and the deprecated regenerate body), rotate and PATCH, with their 404s,
// 409s and 422 field errors.
import { expect, test } from "@playwright/test";
import { apiClient, createServiceAccountWithToken, errorOf } from "../support/tokens";

const NOWHERE = "00000000-0000-4000-8000-000000000000";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

test("add a token: 201 with the value once, listed without it; 409 on a live Token ID; 422 names the entry", async ({ request }) => {
  const admin = await createServiceAccountWithToken("ADMIN");
  const target = await createServiceAccountWithToken("VIEWER");
  const api = apiClient(request, admin.value);
  const added = await api.post(`/api/v1/service-accounts/${target.accountId}/tokens`, { name: "ci", description: "CI", scopes: ["service_accounts:read"], allowedIps: ["10.1.0.0/16"], expiresAt: inDays(10) });
  expect(added.status()).toBe(201);
  const { token } = await added.json();
  expect(token).toMatchObject({ name: "ci", description: "CI", scopes: ["service_accounts:read"], allowedIps: ["10.1.0.0/16"], status: "active", primary: false });
  expect(token.value).toMatch(/^kh_/);
  const list = await api.get(`/api/v1/service-accounts/${target.accountId}/tokens`);
  expect(list.status()).toBe(200);
  const text = await list.text();
  expect(text).not.toContain(token.value);
  expect(JSON.parse(text).data.map((t: { name: string; primary: boolean; scopes: unknown }) => [t.name, t.primary, t.scopes])).toEqual([
    ["default", true, null],
    ["ci", false, ["service_accounts:read"]],
  ]);

  const duplicate = await api.post(`/api/v1/service-accounts/${target.accountId}/tokens`, { name: "CI" });
  expect(duplicate.status()).toBe(409);
  expect((await errorOf(duplicate)).details).toMatchObject({ fieldErrors: { name: [expect.any(String)] } });

  const bad = await api.post(`/api/v1/service-accounts/${target.accountId}/tokens`, { name: "x", allowedIps: ["10.0.0.0/8", "nope"], scopes: ["service_accounts:read", "audit:read"] });
  expect(bad.status()).toBe(422);
  expect((await errorOf(bad)).details).toMatchObject({ fieldErrors: { "allowedIps.1": [expect.stringContaining("nope")] } });
  const role = await api.post(`/api/v1/service-accounts/${target.accountId}/tokens`, { name: "x", scopes: ["service_accounts:read", "audit:read"] });
  expect(role.status()).toBe(422);
  expect((await errorOf(role)).details).toMatchObject({ fieldErrors: { "scopes.1": ["The VIEWER role does not allow audit:read"] } });
});

test("404 before the body is read: unknown accounts and tokens, and someone else's", async ({ request }) => {
  const contributor = await createServiceAccountWithToken("CONTRIBUTOR");
  const stranger = await createServiceAccountWithToken("VIEWER");
  const api = apiClient(request, contributor.value);
  for (const [method, path] of [
    ["post", `/api/v1/service-accounts/${NOWHERE}/tokens`],
    ["post", `/api/v1/service-accounts/${stranger.accountId}/tokens`],
    ["post", `/api/v1/tokens/${NOWHERE}/rotate`],
    ["post", `/api/v1/tokens/${stranger.tokenId}/rotate`],
    ["patch", `/api/v1/tokens/${stranger.tokenId}`],
  ] as const) {
    const response = await api.raw(method.toUpperCase(), path, "{not json");
    expect({ path, status: response.status() }).toEqual({ path, status: 404 });
  }
  expect((await api.get(`/api/v1/service-accounts/${stranger.accountId}/tokens`)).status()).toBe(404);
});

test("the deprecated regenerate body still rotates the primary token; rotate sets the chosen expiry", async ({ request }) => {
  const account = await createServiceAccountWithToken("CONTRIBUTOR", { expiresAt: new Date(Date.now() + 20 * 86_400_000) });
  const api = apiClient(request, account.value);
  const second = (await (await api.post(`/api/v1/service-accounts/${account.accountId}/tokens`, { name: "second" })).json()).token;
  const legacy = await api.post(`/api/v1/service-accounts/${account.accountId}/tokens`, { previousTokenExpiresAt: null });
  expect(legacy.status()).toBe(201);
  const regenerated = (await legacy.json()).token;
  expect(Object.keys(regenerated).sort()).toEqual(["expiresAt", "hint", "id", "value"]);
  expect((await api.get("/api/v1/whoami")).status()).toBe(401); // the primary token was the one replaced
  const next = apiClient(request, regenerated.value);
  expect((await next.get("/api/v1/whoami")).status()).toBe(200);
  expect((await apiClient(request, second.value).get("/api/v1/whoami")).status()).toBe(200);

  const chosen = inDays(3);
  const rotated = await next.post(`/api/v1/tokens/${second.id}/rotate`, { previousTokenExpiresAt: inDays(1), expiresAt: chosen });
  expect(rotated.status()).toBe(201);
  const body = await rotated.json();
  expect(body.token).toMatchObject({ name: "second", expiresAt: chosen });
  expect(body.previousToken.id).toBe(second.id);
  expect((await apiClient(request, second.value).get("/api/v1/whoami")).status()).toBe(200); // kept until tomorrow
  const invalid = await next.post(`/api/v1/tokens/${body.token.id}/rotate`, { previousTokenExpiresAt: inDays(400) });
  expect(invalid.status()).toBe(422);
  expect((await errorOf(invalid)).details).toMatchObject({ fieldErrors: { previousTokenExpiresAt: [expect.stringContaining("year")] } });
  expect((await next.post(`/api/v1/tokens/${second.id}/rotate`, { previousTokenExpiresAt: null })).status()).toBe(409);
});

test("PATCH narrows scopes and changes description and ranges; widening is a 422", async ({ request }) => {
  const account = await createServiceAccountWithToken("CONTRIBUTOR");
  const api = apiClient(request, account.value);
  const added = (await (await api.post(`/api/v1/service-accounts/${account.accountId}/tokens`, { name: "p", scopes: ["service_accounts:read", "tokens:write"] })).json()).token;
  const narrowed = await api.patch(`/api/v1/tokens/${added.id}`, { scopes: ["service_accounts:read"], description: "now read-only", allowedIps: ["127.0.0.1"] });
  expect(narrowed.status()).toBe(200);
  expect((await narrowed.json()).token).toMatchObject({ scopes: ["service_accounts:read"], description: "now read-only", allowedIps: ["127.0.0.1/32"] });
  const widened = await api.patch(`/api/v1/tokens/${added.id}`, { scopes: ["service_accounts:read", "tokens:write"] });
  expect(widened.status()).toBe(422);
  expect((await errorOf(widened)).details).toMatchObject({ fieldErrors: { "scopes.1": [expect.stringContaining("narrowed")] } });
  expect((await api.patch(`/api/v1/tokens/${added.id}`, { scopes: null })).status()).toBe(422);
  expect((await api.patch(`/api/v1/tokens/${added.id}`, {})).status()).toBe(422);
  expect((await api.patch(`/api/v1/tokens/${added.id}`, { allowedIps: ["300.1.1.1"] })).status()).toBe(422);
});
