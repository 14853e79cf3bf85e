import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiClient, createServiceAccountWithToken, type SaRole, type SeededToken } from "../support/tokens";

// Expected status per service-account role, written out from the issue (not derived from the permission map).
// Targets of mutations are other accounts of the caller's owner, so "own" rules apply.
type Call = (api: ReturnType<typeof apiClient>, target: SeededToken, caller: SeededToken) => Promise<{ status(): number }>;
const CALLS: Record<string, Call> = {
  "GET whoami": (api) => api.get("/api/v1/whoami"),
  "GET service-accounts": (api) => api.get("/api/v1/service-accounts"),
  "POST service-accounts": (api, _t, caller) => api.post("/api/v1/service-accounts", { name: `m-${caller.tokenId.slice(0, 12)}`, role: "VIEWER" }),
  "GET service-accounts/{id}": (api, target) => api.get(`/api/v1/service-accounts/${target.accountId}`),
  "PATCH service-accounts/{id}": (api, target) => api.patch(`/api/v1/service-accounts/${target.accountId}`, { description: "matrix" }),
  "POST service-accounts/{id}/tokens": (api, target) => api.post(`/api/v1/service-accounts/${target.accountId}/tokens`, { previousTokenExpiresAt: null }),
  "POST tokens/{id}/revoke": (api, target) => api.post(`/api/v1/tokens/${target.tokenId}/revoke`),
  "DELETE service-accounts/{id}": (api, target) => api.delete(`/api/v1/service-accounts/${target.accountId}`),
  "GET users": (api) => api.get("/api/v1/users"),
  "GET audit-events": (api) => api.get("/api/v1/audit-events"),
  "POST introspect": (api, target) => api.post("/api/v1/introspect", { token: target.value }),
};

const EXPECTED: Record<SaRole, Record<keyof typeof CALLS, number>> = {
  ADMIN: { "GET whoami": 200, "GET service-accounts": 200, "POST service-accounts": 201, "GET service-accounts/{id}": 200, "PATCH service-accounts/{id}": 200, "POST service-accounts/{id}/tokens": 201, "POST tokens/{id}/revoke": 200, "DELETE service-accounts/{id}": 204, "GET users": 200, "GET audit-events": 200, "POST introspect": 200 },
  CONTRIBUTOR: { "GET whoami": 200, "GET service-accounts": 200, "POST service-accounts": 201, "GET service-accounts/{id}": 200, "PATCH service-accounts/{id}": 200, "POST service-accounts/{id}/tokens": 201, "POST tokens/{id}/revoke": 200, "DELETE service-accounts/{id}": 204, "GET users": 403, "GET audit-events": 403, "POST introspect": 403 },
  VIEWER: { "GET whoami": 200, "GET service-accounts": 200, "POST service-accounts": 403, "GET service-accounts/{id}": 200, "PATCH service-accounts/{id}": 403, "POST service-accounts/{id}/tokens": 403, "POST tokens/{id}/revoke": 403, "DELETE service-accounts/{id}": 403, "GET users": 403, "GET audit-events": 403, "POST introspect": 403 },
  AUDITOR: { "GET whoami": 200, "GET service-accounts": 200, "POST service-accounts": 403, "GET service-accounts/{id}": 200, "PATCH service-accounts/{id}": 403, "POST service-accounts/{id}/tokens": 403, "POST tokens/{id}/revoke": 403, "DELETE service-accounts/{id}": 403, "GET users": 200, "GET audit-events": 200, "POST introspect": 403 },
  INTROSPECTOR: { "GET whoami": 200, "GET service-accounts": 403, "POST service-accounts": 403, "GET service-accounts/{id}": 403, "PATCH service-accounts/{id}": 403, "POST service-accounts/{id}/tokens": 403, "POST tokens/{id}/revoke": 403, "DELETE service-accounts/{id}": 403, "GET users": 403, "GET audit-events": 403, "POST introspect": 200 },
};

async function statuses(request: APIRequestContext, role: SaRole) {
  const caller = await createServiceAccountWithToken(role);
  const api = apiClient(request, caller.value);
  const seen: Record<string, number> = {};
  for (const [name, call] of Object.entries(CALLS)) {
    const target = await createServiceAccountWithToken("VIEWER", { owner: caller.owner });
    seen[name] = (await call(api, target, caller)).status();
  }
  return seen;
}

for (const role of Object.keys(EXPECTED) as SaRole[]) {
  test(`a ${role} token gets exactly its role's answers from every endpoint`, async ({ request }) => {
    expect(await statuses(request, role)).toEqual(EXPECTED[role]);
  });
}

test("a CONTRIBUTOR token cannot see or touch another owner's account", async ({ request }) => {
  const caller = await createServiceAccountWithToken("CONTRIBUTOR");
  const stranger = await createServiceAccountWithToken("VIEWER");
  const api = apiClient(request, caller.value);
  expect((await api.get(`/api/v1/service-accounts/${stranger.accountId}`)).status()).toBe(404);
  expect((await api.delete(`/api/v1/service-accounts/${stranger.accountId}`)).status()).toBe(404);
  expect((await api.post(`/api/v1/tokens/${stranger.tokenId}/revoke`)).status()).toBe(404);
  const listed = await (await api.get(`/api/v1/service-accounts?q=${stranger.accountName}`)).json();
  expect(listed.data).toEqual([]);
});
