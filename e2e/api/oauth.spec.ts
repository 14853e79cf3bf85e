// Issue 10 §5: introspection (RFC 7662) and revocation (RFC 7009) as a real OAuth library calls them:
// oauth4webapi, form-encoded bodies, no body rewriting. The resource server's credentials are an INTROSPECTOR
// token, sent as a bearer by a ClientAuth that sets only the Authorization header.
import { expect, test } from "@playwright/test";
import * as oauth from "oauth4webapi";
import { activeIntrospectionResponse } from "../../lib/api/v1/schemas";
import { auditEvents, db, refusalCounts } from "../support/db";
import { apiClient, createServiceAccountWithToken } from "../support/tokens";

const client: oauth.Client = { client_id: "resource-server" };
const bearer =
  (token: string): oauth.ClientAuth =>
  (_as, _client, _body, headers) => {
    headers.set("authorization", `Bearer ${token}`);
  };

function server(): { as: oauth.AuthorizationServer; base: string } {
  const base = test.info().project.use.baseURL!;
  return { base, as: { issuer: base, introspection_endpoint: `${base}/api/v1/introspect`, revocation_endpoint: `${base}/api/v1/revoke` } };
}
const options = { [oauth.allowInsecureRequests]: true };

async function introspect(callerToken: string, token: string) {
  const { as } = server();
  const response = await oauth.introspectionRequest(as, client, bearer(callerToken), token, { ...options, additionalParameters: { token_type_hint: "access_token" } });
  return oauth.processIntrospectionResponse(as, client, response);
}

async function revoke(callerToken: string, token: string) {
  const { as } = server();
  const response = await oauth.revocationRequest(as, client, bearer(callerToken), token, { ...options, additionalParameters: { token_type_hint: "access_token" } });
  expect(response.status).toBe(200);
  await oauth.processRevocationResponse(response);
}

const whoami = (request: Parameters<typeof apiClient>[0], token: string) => apiClient(request, token).get("/api/v1/whoami");

test.describe("OAuth clients: introspection and revocation through oauth4webapi", () => {
  test("introspects active, revoked, expired and garbage tokens with the RFC 7662 names", async () => {
    const introspector = await createServiceAccountWithToken("INTROSPECTOR");
    const active = await createServiceAccountWithToken("CONTRIBUTOR", { expiresAt: new Date(Date.now() + 3_600_000) });
    const expired = await createServiceAccountWithToken("VIEWER", { expiresAt: new Date(Date.now() - 1_000) });
    const revoked = await createServiceAccountWithToken("VIEWER");
    await db().query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE id = $1`, [revoked.tokenId]);

    const answer = await introspect(introspector.value, active.value);
    expect(answer).toMatchObject({
      active: true,
      // Full access: the CONTRIBUTOR role's built-in scopes (issue 11).
      scope: "service_accounts:read service_accounts:write tokens:write",
      authorization_details: [],
      client_id: active.accountId,
      username: active.accountName,
      sub: active.accountId,
      jti: active.tokenId,
      token_type: "Bearer",
      iss: server().base,
      role: "CONTRIBUTOR",
    });
    expect(activeIntrospectionResponse.strict().safeParse(answer).error?.issues).toBeUndefined();
    expect(answer.nbf).toBe(answer.iat);
    expect(answer.exp! - Math.floor(Date.now() / 1000)).toBeGreaterThan(3500);

    for (const token of [expired.value, revoked.value, "garbage", `kh_${"0".repeat(49)}`]) {
      expect(await introspect(introspector.value, token)).toEqual({ active: false });
    }
  });

  test("a token revokes itself, an ADMIN token any token, anyone else nothing (and the answer is always 200)", async ({ request }) => {
    const self = await createServiceAccountWithToken("INTROSPECTOR");
    await revoke(self.value, self.value);
    expect((await whoami(request, self.value)).status()).toBe(401);
    const [own] = await auditEvents({ action: "token.revoked", targetId: self.accountId });
    expect(own).toMatchObject({ actorType: "SERVICE_ACCOUNT", actorId: self.accountId, metadata: { tokenId: self.tokenId } });

    const admin = await createServiceAccountWithToken("ADMIN");
    const victim = await createServiceAccountWithToken("VIEWER");
    await revoke(admin.value, victim.value);
    expect((await whoami(request, victim.value)).status()).toBe(401);
    expect(await auditEvents({ action: "token.revoked", targetId: victim.accountId })).toEqual([expect.objectContaining({ actorId: admin.accountId })]);

    // A CONTRIBUTOR token and someone else's token: 200, nothing revoked, the attempt recorded as a refusal.
    const contributor = await createServiceAccountWithToken("CONTRIBUTOR");
    const theirs = await createServiceAccountWithToken("VIEWER");
    await revoke(contributor.value, theirs.value);
    expect((await whoami(request, theirs.value)).status()).toBe(200);
    await expect.poll(async () => refusalCounts(await auditEvents({ action: "action.refused", actorId: contributor.accountId }))).toEqual({ not_visible: 1 });

    // Unknown and malformed tokens: the same 200.
    await revoke(admin.value, "garbage");
    await revoke(admin.value, victim.value);
  });

  test("the endpoints keep JSON bodies, refuse other media types, and challenge as RFC 6750 says", async ({ request }) => {
    const introspector = await createServiceAccountWithToken("INTROSPECTOR");
    const api = apiClient(request, introspector.value);
    const other = await createServiceAccountWithToken("VIEWER");
    const json = await api.post("/api/v1/introspect", { token: other.value, token_type_hint: "access_token", client_id: "anything" });
    expect(await json.json()).toMatchObject({ active: true, jti: other.tokenId });
    expect((await api.raw("POST", "/api/v1/introspect", `token=${other.value}`, "text/plain")).status()).toBe(415);

    expect((await apiClient(request, null).get("/api/v1/whoami")).headers()["www-authenticate"]).toBe('Bearer realm="keyhold"');
    expect((await whoami(request, "kh_not-a-token")).headers()["www-authenticate"]).toBe('Bearer realm="keyhold", error="invalid_token"');
    const forbidden = await apiClient(request, other.value).post("/api/v1/introspect", { token: other.value });
    expect(forbidden.status()).toBe(403);
    expect(forbidden.headers()["www-authenticate"]).toBe('Bearer realm="keyhold", error="insufficient_scope"');
  });
});
