import { expect, test } from "@playwright/test";
import { z } from "zod";
import {
  auditEventResponse,
  introspectionResponse,
  revealedTokenResponse,
  serviceAccountDetailResponse,
  serviceAccountResponse,
  userResponse,
  whoamiResponse,
} from "../../lib/api/v1/schemas";
import { auditEvents, createUser } from "../support/db";
import { apiClient, createServiceAccountWithToken } from "../support/tokens";

/** The body has exactly the shape openapi.json documents: nothing missing, nothing undocumented. */
function expectDocumented(schema: z.ZodType, body: unknown) {
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues).toBeUndefined();
  expect(parsed.data).toEqual(body);
}
const page = (item: z.ZodType) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

test.describe("REST API: every endpoint's success path", () => {
  test("health needs no token; openapi.json documents every route", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const doc = await (await request.get("/api/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    // KEYHOLD_PUBLIC_URL is unset here: the server's own address.
    expect(doc.servers).toEqual([{ url: test.info().project.use.baseURL }]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/whoami", "/api/v1/service-accounts", "/api/v1/service-accounts/{id}", "/api/v1/service-accounts/{id}/tokens", "/api/v1/tokens/{id}/revoke", "/api/v1/users", "/api/v1/audit-events", "/api/v1/audit-events/export", "/api/v1/introspect", "/api/v1/revoke"]),
    );
    expect(doc.paths["/api/v1/service-accounts"].post.requestBody.content["application/json"].schema.properties.name.pattern).toBe("^[A-Za-z0-9._-]+$");
  });

  test("whoami, then the service-account lifecycle as an ADMIN token", async ({ request }) => {
    const admin = await createServiceAccountWithToken("ADMIN");
    const api = apiClient(request, admin.value);

    const whoami = await api.get("/api/v1/whoami");
    expect(whoami.status()).toBe(200);
    expect(await whoami.json()).toMatchObject({ serviceAccount: { id: admin.accountId, name: admin.accountName, role: "ADMIN", ownerId: admin.owner.id }, token: { id: admin.tokenId, expiresAt: null } });
    expectDocumented(whoamiResponse, await whoami.json());

    const owner = await createUser({ role: "VIEWER" });
    const created = await api.post("/api/v1/service-accounts", { name: `api-made-${admin.tokenId.slice(0, 8)}`, description: "made by API", role: "VIEWER", owner: owner.email, expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(created.status()).toBe(201);
    const { serviceAccount, token } = await created.json();
    expectDocumented(z.object({ serviceAccount: serviceAccountDetailResponse, token: revealedTokenResponse }), await created.json());
    expect(serviceAccount).toMatchObject({ description: "made by API", role: "VIEWER", owner: { id: owner.id }, status: "expiring" });
    expect(token.value).toMatch(/^kh_[0-9A-Za-z]{49}$/);

    // The new token works, and is never shown again.
    expect((await apiClient(request, token.value).get("/api/v1/whoami")).status()).toBe(200);
    const fetched = await api.get(`/api/v1/service-accounts/${serviceAccount.id}`);
    expect(await fetched.text()).not.toContain(token.value);
    expectDocumented(z.object({ serviceAccount: serviceAccountDetailResponse }), await fetched.json());

    const listed = await (await api.get(`/api/v1/service-accounts?q=${serviceAccount.name}&limit=5`)).json();
    expect(listed.data.map((a: { id: string }) => a.id)).toEqual([serviceAccount.id]);
    expectDocumented(page(serviceAccountResponse), listed);

    const patched = await api.patch(`/api/v1/service-accounts/${serviceAccount.id}`, { description: "patched", role: "CONTRIBUTOR" });
    expect(patched.status()).toBe(200);
    expect((await patched.json()).serviceAccount).toMatchObject({ description: "patched", role: "CONTRIBUTOR" });

    const regenerated = await api.post(`/api/v1/service-accounts/${serviceAccount.id}/tokens`, { previousTokenExpiresAt: null });
    expect(regenerated.status()).toBe(201);
    const fresh = (await regenerated.json()).token;
    expect((await apiClient(request, token.value).get("/api/v1/whoami")).status()).toBe(401);
    expect((await apiClient(request, fresh.value).get("/api/v1/whoami")).status()).toBe(200);

    const revoked = await api.post(`/api/v1/tokens/${fresh.id}/revoke`);
    expect(revoked.status()).toBe(200);
    expect((await apiClient(request, fresh.value).get("/api/v1/whoami")).status()).toBe(401);

    expect((await api.delete(`/api/v1/service-accounts/${serviceAccount.id}`)).status()).toBe(204);
    expect((await api.get(`/api/v1/service-accounts/${serviceAccount.id}`)).status()).toBe(404);

    // Every mutation is audited with the service account as actor, its token, IP and user agent.
    const events = await auditEvents({ targetId: serviceAccount.id });
    expect(events.map((e) => e.action)).toEqual(["service_account.created", "token.created", "service_account.updated", "token.regenerated", "token.revoked", "service_account.deleted"]);
    for (const event of events) expect(event).toMatchObject({ actorType: "SERVICE_ACCOUNT", actorId: admin.accountId, ip: "127.0.0.1" });
  });

  test("users, audit events (with cursor paging) and introspection", async ({ request }) => {
    const admin = await createServiceAccountWithToken("ADMIN");
    const api = apiClient(request, admin.value);
    const users = await (await api.get("/api/v1/users?limit=2")).json();
    expect(users.data).toHaveLength(2);
    expect(users.nextCursor).toEqual(expect.any(String));
    expectDocumented(page(userResponse), users);
    const next = await (await api.get(`/api/v1/users?limit=2&cursor=${users.nextCursor}`)).json();
    expect(next.data[0].id).not.toBe(users.data[0].id);

    await api.post("/api/v1/service-accounts", { name: `audit-${admin.tokenId.slice(0, 8)}`, role: "VIEWER" });
    const events = await (await api.get(`/api/v1/audit-events?actor=${admin.accountId}&action=service_account.created`)).json();
    expect(events.data).toHaveLength(1);
    expect(events.data[0]).toMatchObject({ action: "service_account.created", actor: { type: "SERVICE_ACCOUNT", id: admin.accountId, tokenId: admin.tokenId } });
    expectDocumented(page(auditEventResponse), events);

    // SIEM pull: every matching event streamed as NDJSON, and the export itself audited.
    const auditor = await createServiceAccountWithToken("AUDITOR");
    const stream = await apiClient(request, auditor.value).get(`/api/v1/audit-events?format=ndjson&actor=${admin.accountId}`);
    expect(stream.status()).toBe(200);
    expect(stream.headers()["content-type"]).toBe("application/x-ndjson");
    const lines = (await stream.text()).trim().split("\n").map((line) => JSON.parse(line) as { action: string; actor: { id: string } });
    for (const line of lines) expectDocumented(auditEventResponse, line);
    expect(lines.map((e) => e.action)).toContain("service_account.created");
    expect(lines.every((e) => e.actor.id === admin.accountId)).toBe(true);
    const [exported] = await auditEvents({ action: "audit.exported", actorId: auditor.accountId });
    expect(exported?.metadata).toMatchObject({ format: "ndjson", rows: lines.length });

    // The export's own operation (the above is its deprecated alias) says the same, and resumes after an id.
    const exportOf = async (query: string) => {
      const response = await apiClient(request, auditor.value).get(`/api/v1/audit-events/export?actor=${admin.accountId}${query}`);
      expect(response.headers()["content-type"]).toBe("application/x-ndjson");
      return (await response.text()).trim().split("\n").filter(Boolean).map((line) => JSON.parse(line) as { id: string });
    };
    const all = await exportOf("");
    expect(all).toEqual(lines);
    expect(await exportOf(`&after=${all[0]!.id}`)).toEqual(all.slice(1));

    const other = await createServiceAccountWithToken("VIEWER");
    const active = await (await api.post("/api/v1/introspect", { token: other.value })).json();
    expect(active).toMatchObject({ active: true, sub: other.accountId, role: "VIEWER", jti: other.tokenId, username: other.accountName, iat: expect.any(Number) });
    expectDocumented(introspectionResponse, active);
  });
});
