import { describe, expect, it } from "vitest";
import { ssoConfig } from "@/lib/auth/sso/sso-config";
import { parseEnv } from "./env";

const key = "k".repeat(43);
const base = { DATABASE_URL: "postgresql://127.0.0.1/keyhold", AUTH_SECRET: "s".repeat(32), KEYHOLD_AUDIT_KEY: key, KEYHOLD_AUDIT_SIGNING_KEY: key };
const oidc = { KEYHOLD_OIDC_ISSUER: "https://idp.example.com/realms/acme", KEYHOLD_OIDC_CLIENT_ID: "keyhold", KEYHOLD_OIDC_CLIENT_SECRET: "s3cret" };

describe("single sign-on settings", () => {
  it("are off unless the issuer, client id and secret are set, with password sign-in on", () => {
    const env = parseEnv(base);
    expect(ssoConfig(env)).toBeNull();
    expect(env.KEYHOLD_PASSWORD_LOGIN).toBe("on");
  });

  it("take defaults for the name, claim, scope, map and domains", () => {
    expect(ssoConfig(parseEnv({ ...base, ...oidc }))).toEqual({
      issuer: oidc.KEYHOLD_OIDC_ISSUER,
      clientId: "keyhold",
      clientSecret: "s3cret",
      name: "SSO",
      scope: "openid email profile",
      roleClaim: "groups",
      roleMap: [],
      allowedDomains: [],
    });
  });

  it("parse the role map (group before the last =, role in any case) and the domain allowlist", () => {
    const env = parseEnv({
      ...base,
      ...oidc,
      KEYHOLD_OIDC_NAME: "Acme SSO",
      KEYHOLD_OIDC_ROLE_MAP: " keyhold-admins=ADMIN, team=a=auditor ,",
      KEYHOLD_OIDC_ALLOWED_DOMAINS: "Example.COM, @example.org",
      KEYHOLD_OIDC_ROLE_CLAIM: "realm_access.roles",
      KEYHOLD_PASSWORD_LOGIN: "owners",
    });
    expect(ssoConfig(env)).toMatchObject({
      name: "Acme SSO",
      roleClaim: "realm_access.roles",
      roleMap: [
        { group: "keyhold-admins", role: "ADMIN" },
        { group: "team=a", role: "AUDITOR" },
      ],
      allowedDomains: ["example.com", "example.org"],
    });
    expect(env.KEYHOLD_PASSWORD_LOGIN).toBe("owners");
  });

  it("refuse a partial configuration, naming what is missing", () => {
    expect(() => parseEnv({ ...base, KEYHOLD_OIDC_ISSUER: oidc.KEYHOLD_OIDC_ISSUER })).toThrow(
      /KEYHOLD_OIDC_CLIENT_ID, KEYHOLD_OIDC_CLIENT_SECRET: single sign-on needs .* together \(KEYHOLD_OIDC_ISSUER is set\)/,
    );
    expect(() => parseEnv({ ...base, KEYHOLD_OIDC_CLIENT_ID: "a", KEYHOLD_OIDC_CLIENT_SECRET: "b" })).toThrow(/KEYHOLD_OIDC_ISSUER: single sign-on needs/);
  });

  it("refuse narrowing password sign-in without single sign-on", () => {
    expect(() => parseEnv({ ...base, KEYHOLD_PASSWORD_LOGIN: "off" })).toThrow(/KEYHOLD_PASSWORD_LOGIN: "off" needs single sign-on .* nobody could sign in/);
    expect(() => parseEnv({ ...base, KEYHOLD_PASSWORD_LOGIN: "owners" })).toThrow(/only owners could sign in/);
    expect(() => parseEnv({ ...base, ...oidc, KEYHOLD_PASSWORD_LOGIN: "sometimes" })).toThrow(/KEYHOLD_PASSWORD_LOGIN must be on, owners or off/);
  });

  it("refuse a map that grants OWNER, names an unknown role or has no group, and bad values, all in one message", () => {
    const attempt = () =>
      parseEnv({
        ...base,
        ...oidc,
        KEYHOLD_OIDC_ROLE_MAP: "root=OWNER,x=SUPERUSER,=ADMIN,plain",
        KEYHOLD_OIDC_ALLOWED_DOMAINS: "example.com,not a domain",
        KEYHOLD_OIDC_ISSUER: "ftp://idp.example.com",
        KEYHOLD_OIDC_SCOPE: "email profile",
      });
    expect(attempt).toThrow(/cannot grant OWNER \("root=OWNER"\)/);
    expect(attempt).toThrow(/"SUPERUSER" is not a role \(use ADMIN, CONTRIBUTOR, VIEWER, AUDITOR\)/);
    expect(attempt).toThrow(/entries are group=ROLE \("=ADMIN" is not\)[\s\S]*\("plain" is not\)/);
    expect(attempt).toThrow(/KEYHOLD_OIDC_ALLOWED_DOMAINS must be email domains/);
    expect(attempt).toThrow(/KEYHOLD_OIDC_ISSUER must be an http/);
    expect(attempt).toThrow(/KEYHOLD_OIDC_SCOPE must include openid/);
  });
});
