import { z } from "zod";
import { HUMAN_ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";
import { singleLineText } from "@/lib/validation/text";

// Single sign-on (lib/auth/sso) and the password sign-in's fallback setting, parsed with the rest of lib/config/env.ts.

/** `on`: everyone may use a password; `owners`: only OWNERs (break-glass while SSO is on); `off`: nobody. */
export const PASSWORD_LOGIN_MODES = ["on", "owners", "off"] as const;
export type PasswordLoginMode = (typeof PASSWORD_LOGIN_MODES)[number];

/** OWNER is never granted (nor taken away) by the identity provider: owners are named in Keyhold only. */
export const SSO_ROLES = HUMAN_ROLES.filter((role): role is Exclude<Role, "OWNER"> => role !== "OWNER");
export type SsoRole = (typeof SSO_ROLES)[number];
export type RoleMapping = { group: string; role: SsoRole };

const list = (value: string) => value.split(",").map((item) => item.trim()).filter(Boolean);
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** `keyhold-admins=ADMIN,keyhold-auditors=AUDITOR`: the group is what precedes the last `=`. */
const roleMap = singleLineText("KEYHOLD_OIDC_ROLE_MAP must not contain control characters")
  .default("")
  .transform((value, ctx): RoleMapping[] => {
    const mappings: RoleMapping[] = [];
    for (const entry of list(value)) {
      const at = entry.lastIndexOf("=");
      const group = entry.slice(0, at).trim();
      const role = entry.slice(at + 1).trim().toUpperCase();
      if (at <= 0 || !group) {
        ctx.addIssue({ code: "custom", message: `KEYHOLD_OIDC_ROLE_MAP entries are group=ROLE ("${entry}" is not)` });
      } else if (role === "OWNER") {
        ctx.addIssue({ code: "custom", message: `KEYHOLD_OIDC_ROLE_MAP cannot grant OWNER ("${entry}"): owners are named in Keyhold, by another owner` });
      } else if (!(SSO_ROLES as readonly string[]).includes(role)) {
        ctx.addIssue({ code: "custom", message: `KEYHOLD_OIDC_ROLE_MAP: "${role}" is not a role (use ${SSO_ROLES.join(", ")})` });
      } else {
        mappings.push({ group, role: role as SsoRole });
      }
    }
    return mappings;
  });

export const ssoEnvFields = {
  KEYHOLD_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "KEYHOLD_OIDC_ISSUER must be an http:// or https:// URL (the provider's issuer)" }).optional(),
  KEYHOLD_OIDC_CLIENT_ID: singleLineText("KEYHOLD_OIDC_CLIENT_ID must not contain control characters").optional(),
  KEYHOLD_OIDC_CLIENT_SECRET: singleLineText("KEYHOLD_OIDC_CLIENT_SECRET must not contain control characters").optional(),
  KEYHOLD_OIDC_NAME: singleLineText("KEYHOLD_OIDC_NAME must not contain control characters")
    .trim()
    .max(40, "KEYHOLD_OIDC_NAME must be at most 40 characters")
    .default("SSO"),
  // The ID token claim holding the groups (a list or one string); a dotted path reaches a nested one (realm_access.roles).
  KEYHOLD_OIDC_ROLE_CLAIM: z
    .string()
    .regex(/^[\w:/-]+(\.[\w:/-]+)*$/, "KEYHOLD_OIDC_ROLE_CLAIM must be a claim name such as groups or realm_access.roles")
    .default("groups"),
  KEYHOLD_OIDC_ROLE_MAP: roleMap,
  KEYHOLD_OIDC_ALLOWED_DOMAINS: z
    .string()
    .default("")
    .transform((value) => list(value.toLowerCase()).map((domain) => domain.replace(/^@/, "")))
    .pipe(z.array(z.string().regex(DOMAIN, "KEYHOLD_OIDC_ALLOWED_DOMAINS must be email domains separated by commas (example.com,example.org)"))),
  KEYHOLD_OIDC_SCOPE: z
    .string()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, "KEYHOLD_OIDC_SCOPE must be scopes separated by spaces")
    .refine((scope) => scope.split(" ").includes("openid"), "KEYHOLD_OIDC_SCOPE must include openid")
    .default("openid email profile"),
  KEYHOLD_PASSWORD_LOGIN: z.enum(PASSWORD_LOGIN_MODES, { error: "KEYHOLD_PASSWORD_LOGIN must be on, owners or off" }).default("on"),
};

const REQUIRED = ["KEYHOLD_OIDC_ISSUER", "KEYHOLD_OIDC_CLIENT_ID", "KEYHOLD_OIDC_CLIENT_SECRET"] as const;

/**
 * What the field rules cannot see: SSO is on only when the issuer, client id and secret are all given (some of
 * them is a mistake, not "off"), and password sign-in can be narrowed only when there is another way in.
 */
export function ssoEnvProblems(source: Record<string, string | undefined>): string[] {
  const given = REQUIRED.filter((name) => source[name] !== undefined);
  const problems: string[] = [];
  if (given.length > 0 && given.length < REQUIRED.length) {
    const missing = REQUIRED.filter((name) => source[name] === undefined);
    problems.push(`${missing.join(", ")}: single sign-on needs ${REQUIRED.join(", ")} together (${given.join(", ")} ${given.length === 1 ? "is" : "are"} set)`);
  }
  const mode = source.KEYHOLD_PASSWORD_LOGIN;
  if ((mode === "owners" || mode === "off") && given.length < REQUIRED.length) {
    const who = mode === "off" ? "nobody" : "only owners";
    problems.push(`KEYHOLD_PASSWORD_LOGIN: "${mode}" needs single sign-on (${REQUIRED.join(", ")}); without it ${who} could sign in`);
  }
  return problems;
}
