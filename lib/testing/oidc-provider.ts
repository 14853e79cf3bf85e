// A real OpenID provider for the single sign-on tests: oidc-provider on 127.0.0.1 (a random port) with one
// confidential client and people whose claims (email, groups) a test sets and changes between sign-ins. Its
// login page (devInteractions) takes any password; consent is granted without asking.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";

/** What the provider says about a person: `login` on its sign-in page is the key of the map. */
export type TestIdentity = { email: string; email_verified?: boolean; name?: string; groups?: string[] };

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** By login name; change an entry and the next sign-in's ID token says so. */
  people: Map<string, TestIdentity>;
  stop: () => Promise<void>;
};

/**
 * Starts the provider for Keyholds at `appUrls` (each one's redirect URI: <appUrl>/api/auth/callback/oidc), on a
 * random port with a random client secret unless given (lib/cli/dev-oidc-provider.ts gives fixed ones).
 */
export async function startOidcProvider(appUrls: readonly string[], fixed: { port?: number; clientSecret?: string } = {}): Promise<TestOidcProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(fixed.port ?? 0, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "keyhold-test";
  const clientSecret = fixed.clientSecret ?? randomBytes(24).toString("base64url");
  const people = new Map<string, TestIdentity>();

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: appUrls.map((url) => `${url}/api/auth/callback/oidc`), grant_types: ["authorization_code"], response_types: ["code"] }],
    // `groups` is a scope of its own, as at Okta: Keyhold asks for it through KEYHOLD_OIDC_SCOPE.
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // The claims in the ID token itself (what Auth.js reads), as Keycloak, Okta and Google put them there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      if (!people.has(sub)) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...people.get(sub) }) };
    },
    // A first-party client: no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope([...oidc.requestParamScopes].join(" "));
      await grant.save();
      return grant;
    },
  });
  server.on("request", provider.callback());
  const stop = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return { issuer, clientId, clientSecret, people, stop };
}
