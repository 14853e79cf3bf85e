// Issue 11 §2–3 over the REST API: scopes, resource types, resources and an account's grants — the success
// paths (201/200, bodies as documented) and the refusals (422 naming the field, 403, 404).
import { expect, test } from "@playwright/test";
import { z } from "zod";
import { grantResponse, resourceResponse, resourceTypeResponse, scopeResponse } from "../../lib/api/v1/catalog-schemas";
import { grantsInDatabase, putJson, seedResource, uniqueName } from "../support/catalog";
import { auditEvents, createUser, db } from "../support/db";
import { apiClient, createServiceAccountWithToken, errorOf } from "../support/tokens";

function expectDocumented(schema: z.ZodType, body: unknown) {
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues).toBeUndefined();
  expect(parsed.data).toEqual(body);
}
const list = (item: z.ZodType) => z.object({ data: z.array(item) });

test("an ADMIN token creates a scope, a resource type and a resource; any reader lists them", async ({ request }) => {
  const admin = await createServiceAccountWithToken("ADMIN");
  const api = apiClient(request, admin.value);
  const scope = `registry:${uniqueName("pull")}`;
  const created = await api.post("/api/v1/scopes", { name: scope, description: "Pull images" });
  expect(created.status()).toBe(201);
  expect(await created.json()).toEqual({ scope: { name: scope, description: "Pull images", builtIn: false, minimumRole: "CONTRIBUTOR", archived: false } });
  expect((await api.post("/api/v1/scopes", { name: scope })).status()).toBe(409);
  const bad = await api.post("/api/v1/scopes", { name: "audit:read", minimumRole: "VIEWER" });
  expect(bad.status()).toBe(422);
  expect((await errorOf(bad)).details).toMatchObject({ fieldErrors: { name: ["This is a built-in scope"], minimumRole: [expect.any(String)] } });

  const typeName = uniqueName("cluster");
  const type = await api.post("/api/v1/resource-types", { name: typeName, roles: ["reader", "operator"] });
  expect(type.status()).toBe(201);
  expect(await type.json()).toEqual({ resourceType: { name: typeName, roles: ["reader", "operator"] } });
  const noRoles = await api.post("/api/v1/resource-types", { name: uniqueName("t"), roles: [] });
  expect(noRoles.status()).toBe(422);
  expect((await errorOf(noRoles)).details).toMatchObject({ fieldErrors: { roles: ["A type needs at least one role"] } });

  const resource = await api.post("/api/v1/resources", { type: typeName, name: "eu-1" });
  expect(resource.status()).toBe(201);
  expect(await resource.json()).toEqual({ resource: { type: typeName, name: "eu-1", archived: false } });
  const unknownType = await api.post("/api/v1/resources", { type: "nope", name: "x" });
  expect(unknownType.status()).toBe(422);
  expect((await errorOf(unknownType)).details).toMatchObject({ fieldErrors: { type: ["No resource type with this name"] } });

  const viewer = apiClient(request, (await createServiceAccountWithToken("VIEWER")).value);
  const scopes = await (await viewer.get("/api/v1/scopes")).json();
  expectDocumented(list(scopeResponse), scopes);
  expect(scopes.data).toEqual(expect.arrayContaining([expect.objectContaining({ name: "tokens:write", builtIn: true }), expect.objectContaining({ name: scope, builtIn: false })]));
  const types = await (await viewer.get("/api/v1/resource-types")).json();
  expectDocumented(list(resourceTypeResponse), types);
  expect(types.data).toContainEqual({ name: typeName, roles: ["reader", "operator"] });
  const resources = await (await viewer.get(`/api/v1/resources?type=${typeName}`)).json();
  expectDocumented(list(resourceResponse), resources);
  expect(resources.data).toEqual([{ type: typeName, name: "eu-1", archived: false }]);
  expect((await viewer.post("/api/v1/scopes", { name: uniqueName("x") })).status()).toBe(403);

  const events = await auditEvents({ action: "resource_type.created", actorId: admin.accountId });
  expect(events).toEqual([expect.objectContaining({ actorType: "SERVICE_ACCOUNT", targetName: typeName })]);
});

test("PUT grants replaces an account's grants; bad entries are 422 naming grants.N.field", async ({ request }) => {
  const admin = await createServiceAccountWithToken("ADMIN");
  const target = await createServiceAccountWithToken("CONTRIBUTOR");
  const checkout = await seedResource("application", uniqueName("checkout"));
  const production = await seedResource("environment-type", uniqueName("production"));
  const path = `/api/v1/service-accounts/${target.accountId}/grants`;
  const grants = [
    { type: "application", resource: checkout.name, role: "developer" },
    { type: "environment-type", resource: production.name, role: "deployer" },
  ];
  const put = await putJson(request, admin.value, path, { grants });
  expect(put.status()).toBe(200);
  const body = await put.json();
  expectDocumented(list(grantResponse), body);
  expect(body.data).toEqual(grants.map((g) => ({ ...g, archived: false })));
  expect(await grantsInDatabase(target.accountId)).toEqual(grants);

  const got = await apiClient(request, admin.value).get(path);
  expect(got.status()).toBe(200);
  expect(await got.json()).toEqual(body);

  const invalid = await putJson(request, admin.value, path, {
    grants: [grants[0], { type: "application", resource: checkout.name, role: "deployer" }, { type: "application", resource: "missing", role: "viewer" }],
  });
  expect(invalid.status()).toBe(422);
  expect((await errorOf(invalid)).details).toMatchObject({ fieldErrors: { "grants.1.resource": ["This resource is listed twice"] } });
  const unknown = await putJson(request, admin.value, path, { grants: [{ type: "application", resource: checkout.name, role: "deployer" }, { type: "application", resource: "missing", role: "viewer" }] });
  expect((await errorOf(unknown)).details).toMatchObject({ fieldErrors: { "grants.0.role": [expect.stringContaining("viewer, developer, owner")], "grants.1.resource": ["No application with this name"] } });
  expect((await putJson(request, admin.value, path, { grants: [], extra: 1 })).status()).toBe(422);

  const cleared = await putJson(request, admin.value, path, { grants: [] });
  expect(await cleared.json()).toEqual({ data: [] });
  const changes = await auditEvents({ action: "service_account.grants_changed", targetId: target.accountId });
  expect(changes.map((e) => e.metadata)).toEqual([{ before: [], after: grants }, { before: grants, after: [] }]);
});

test("grants: 403 for a CONTRIBUTOR token and a token lacking service_accounts:write, 404 for an unknown or hidden account", async ({ request }) => {
  const owner = await createUser({ role: "CONTRIBUTOR" });
  const contributor = await createServiceAccountWithToken("CONTRIBUTOR", { owner });
  const own = await createServiceAccountWithToken("VIEWER", { owner });
  const path = `/api/v1/service-accounts/${own.accountId}/grants`;
  // The owner's CONTRIBUTOR token sees its owner's account's grants but may not change them.
  expect((await apiClient(request, contributor.value).get(path)).status()).toBe(200);
  const refused = await putJson(request, contributor.value, path, { grants: [] });
  expect(refused.status()).toBe(403);
  expect((await errorOf(refused)).code).toBe("forbidden");

  const admin = await createServiceAccountWithToken("ADMIN");
  await db().query(`UPDATE "ApiToken" SET "fullAccess" = false, scopes = ARRAY['service_accounts:read', 'tokens:write'] WHERE id = $1`, [admin.tokenId]);
  const scoped = await putJson(request, admin.value, path, { grants: [] });
  expect(scoped.status()).toBe(403);
  expect((await errorOf(scoped)).code).toBe("insufficient_scope");
  expect(scoped.headers()["www-authenticate"]).toContain('scope="service_accounts:write"');
  expect((await apiClient(request, admin.value).get(path)).status()).toBe(200);

  const other = await createServiceAccountWithToken("VIEWER");
  expect((await apiClient(request, contributor.value).get(`/api/v1/service-accounts/${other.accountId}/grants`)).status()).toBe(404);
  const fullAdmin = await createServiceAccountWithToken("ADMIN");
  expect((await putJson(request, fullAdmin.value, `/api/v1/service-accounts/${crypto.randomUUID()}/grants`, { grants: [] })).status()).toBe(404);
  expect((await apiClient(request, fullAdmin.value).get("/api/v1/service-accounts/not-a-uuid/grants")).status()).toBe(404);
});
