// Issue 11 §2, §4–§6 through the running server: scopes restrict Keyhold's own API; a custom scope and a
// resource grant appear in introspection and authorize; allowlists deny and allow by range (the tests call
// from 127.0.0.1); an outside event reported by one service account shows in the console's Audit Log with
// the acting service account as actor, and the chain still verifies.
import type { APIRequestContext } from "@playwright/test";
import { E2E_OWNER } from "../../playwright.config";
import { auditLog, expectIntegrityVerified } from "../support/audit";
import { createCustomScope, grantResource, setTokenAccess, settle } from "../support/authz";
import { auditEvents } from "../support/db";
import { expect, test } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken, errorOf } from "../support/tokens";
import { withWrongLastCharacter } from "../../lib/testing/wrong-token";

const introspect = (request: APIRequestContext, caller: string, form: Record<string, string>) =>
  request.post("/api/v1/introspect", { headers: { Authorization: `Bearer ${caller}` }, form });

test("scopes restrict Keyhold's own API: 403 insufficient_scope naming the scope", async ({ request }) => {
  const token = await createServiceAccountWithToken("CONTRIBUTOR");
  await setTokenAccess(token.tokenId, { scopes: ["service_accounts:read"] });
  const api = apiClient(request, token.value);

  expect((await api.get("/api/v1/service-accounts")).status()).toBe(200);
  const create = await api.post("/api/v1/service-accounts", { name: "never-created", role: "VIEWER" });
  expect(create.status()).toBe(403);
  expect((await errorOf(create)).code).toBe("insufficient_scope");
  expect(create.headers()["www-authenticate"]).toBe('Bearer realm="keyhold", error="insufficient_scope", scope="service_accounts:write"');
  const revoke = await api.post(`/api/v1/tokens/${token.tokenId}/revoke`);
  expect(revoke.status()).toBe(403);
  expect(revoke.headers()["www-authenticate"]).toContain('scope="tokens:write"');
  // Its role never allowed this one: forbidden, not a scope question.
  expect((await errorOf(await api.get("/api/v1/users"))).code).toBe("forbidden");
});

test("a custom scope and a resource grant appear in introspection and in authorize", async ({ request }) => {
  const introspector = await createServiceAccountWithToken("INTROSPECTOR");
  const service = await createServiceAccountWithToken("CONTRIBUTOR");
  const scope = await createCustomScope();
  const checkout = await grantResource(service.accountId, "application", "developer");
  await setTokenAccess(service.tokenId, { scopes: [scope, "service_accounts:read"] });

  const answer = await introspect(request, introspector.value, { token: service.value, token_type_hint: "access_token" });
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({
    active: true,
    scope: `${scope} service_accounts:read`,
    authorization_details: [{ type: "application", identifier: checkout, privileges: ["developer"] }],
    sub: service.accountId,
  });

  const authorize = async (body: Record<string, unknown>) => (await apiClient(request, introspector.value).post("/api/v1/authorize", { token: service.value, ...body })).json();
  const resource = (privilege: string) => ({ type: "application", identifier: checkout, privilege });
  expect(await authorize({ scope, resource: resource("developer") })).toEqual({ allowed: true, reason: "ok", subject: service.accountId });
  expect(await authorize({ resource: resource("viewer") })).toEqual({ allowed: true, reason: "ok", subject: service.accountId });
  expect(await authorize({ resource: resource("owner") })).toEqual({ allowed: false, reason: "no_grant", subject: service.accountId });
  expect(await authorize({ scope: "registry:pull" })).toEqual({ allowed: false, reason: "scope_missing", subject: service.accountId });
  expect(await authorize({ token: "kh_nothing" })).toEqual({ allowed: false, reason: "inactive", subject: null });
  // Form-encoded, as OAuth-style clients send it.
  const form = await request.post("/api/v1/authorize", {
    headers: { Authorization: `Bearer ${introspector.value}` },
    form: { token: service.value, scope, "resource[type]": "application", "resource[identifier]": checkout, "resource[privilege]": "developer", client_ip: "127.0.0.1" },
  });
  expect(await form.json()).toEqual({ allowed: true, reason: "ok", subject: service.accountId });
});

test("the allowlist denies from a range that excludes 127.0.0.1 and allows one that includes it", async ({ request }) => {
  const introspector = await createServiceAccountWithToken("INTROSPECTOR");
  const token = await createServiceAccountWithToken("VIEWER");
  await setTokenAccess(token.tokenId, { allowedIps: ["10.0.0.0/8"] });
  const whoami = () => apiClient(request, token.value).get("/api/v1/whoami");

  const denied = await whoami();
  const invalid = await apiClient(request, withWrongLastCharacter(token.value)).get("/api/v1/whoami");
  expect(denied.status()).toBe(401);
  expect(await denied.json()).toEqual(await invalid.json());
  expect(denied.headers()["www-authenticate"]).toBe(invalid.headers()["www-authenticate"]);
  await expect.poll(async () => (await auditEvents({ action: "token.ip_denied", actorId: token.accountId })).length).toBe(1);
  expect((await auditEvents({ action: "token.ip_denied", actorId: token.accountId }))[0]).toMatchObject({ ip: "127.0.0.1", result: "DENIED", metadata: { reason: "ip_denied", path: "/api/v1/whoami" } });

  // Introspection with client_ip applies the same ranges for the asking service.
  expect(await (await introspect(request, introspector.value, { token: token.value, client_ip: "10.2.3.4" })).json()).toMatchObject({ active: true });
  expect(await (await introspect(request, introspector.value, { token: token.value, client_ip: "127.0.0.1" })).json()).toEqual({ active: false });
  const badIp = await introspect(request, introspector.value, { token: token.value, client_ip: "10.0.0.0/8" });
  expect(badIp.status()).toBe(422);
  expect((await errorOf(badIp)).details).toMatchObject({ fieldErrors: { client_ip: [expect.any(String)] } });

  await setTokenAccess(token.tokenId, { allowedIps: ["127.0.0.0/8", "::1/128"] });
  await settle();
  expect((await whoami()).status()).toBe(200);
  expect(await (await introspect(request, introspector.value, { token: token.value, client_ip: "127.0.0.1" })).json()).toMatchObject({ active: true });
  expect(await (await introspect(request, introspector.value, { token: token.value, client_ip: "10.2.3.4" })).json()).toEqual({ active: false });
});

test("an outside event reported through the API shows in the Audit Log with the service account as actor", async ({ page, request, signIn }) => {
  const reporter = await createServiceAccountWithToken("INTROSPECTOR");
  const acting = await createServiceAccountWithToken("CONTRIBUTOR");
  const reported = await apiClient(request, reporter.value).post("/api/v1/audit-events", {
    token: acting.value,
    action: "ext.deployer.released",
    target: { type: "application", id: "checkout", name: "Checkout" },
    result: "success",
    metadata: { version: "1.4.2" },
  });
  expect(reported.status()).toBe(201);
  const { id } = (await reported.json()) as { id: string };

  await signIn(page, E2E_OWNER);
  const log = auditLog(page);
  await log.goto(`action=ext.*&actor=${acting.accountId}`);
  await expect(log.actionTrigger).toHaveText("Outside events (ext.*)");
  await log.expectCount(1);
  expect(await log.actions()).toEqual(["ext.deployer.released"]);
  await expect(log.rows.first()).toContainText(acting.accountName);

  await log.rows.first().getByRole("cell").nth(2).click();
  await expect.poll(() => log.param("event")).toBe(id);
  const panel = page.getByRole("dialog", { name: "ext.deployer.released" });
  const field = (label: string) => panel.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(field("Actor")).toContainText(acting.accountName);
  await expect(field("Actor token")).toHaveText(acting.tokenId);
  await expect(field("Reported by")).toContainText(reporter.accountName);
  await expect(field("Target")).toContainText("Checkout");
  await page.keyboard.press("Escape");

  await expectIntegrityVerified(page);
});
