import type { Env } from "@/lib/config/env";
import type { PasswordLoginMode, RoleMapping } from "@/lib/config/sso-env";

export type SsoConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's label: "Sign in with <name>". */
  name: string;
  scope: string;
  roleClaim: string;
  roleMap: readonly RoleMapping[];
  /** Lower-case email domains; empty allows any. */
  allowedDomains: readonly string[];
};

/** Single sign-on's settings, or null when it is off (the environment check refuses a partial configuration). */
export function ssoConfig(env: Env): SsoConfig | null {
  const { KEYHOLD_OIDC_ISSUER: issuer, KEYHOLD_OIDC_CLIENT_ID: clientId, KEYHOLD_OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    name: env.KEYHOLD_OIDC_NAME || "SSO",
    scope: env.KEYHOLD_OIDC_SCOPE,
    roleClaim: env.KEYHOLD_OIDC_ROLE_CLAIM,
    roleMap: env.KEYHOLD_OIDC_ROLE_MAP,
    allowedDomains: env.KEYHOLD_OIDC_ALLOWED_DOMAINS,
  };
}

/** Whether a user of this role may sign in with a password under KEYHOLD_PASSWORD_LOGIN. */
export function passwordSignInAllowed(mode: PasswordLoginMode, role: string): boolean {
  return mode === "on" || (mode === "owners" && role === "OWNER");
}
