import type { OIDCConfig } from "next-auth/providers";
import type { SsoConfig } from "./sso-config";

/** Auth.js's provider id: the redirect URI to register is <KEYHOLD_PUBLIC_URL>/api/auth/callback/oidc. */
export const SSO_PROVIDER_ID = "oidc";

/**
 * The identity provider as Auth.js's generic OpenID Connect provider: discovery from the issuer, the code flow
 * with PKCE, state and nonce, the person's claims read from the ID token (what signInWithSso decides on).
 */
export function oidcProvider(config: SsoConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: SSO_PROVIDER_ID,
    name: config.name,
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scope } },
    checks: ["pkce", "state", "nonce"],
  };
}

/** Auth.js's providers for single sign-on: the one above when it is configured, else none. */
export function ssoProviders(config: SsoConfig | null): OIDCConfig<Record<string, unknown>>[] {
  return config ? [oidcProvider(config)] : [];
}
