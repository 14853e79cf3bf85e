import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { HUMAN_ROLES, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import type { Role, ServiceAccountRole } from "@/lib/db/generated/enums";
import { decideAccountAccess } from "@/lib/service-accounts/access";

// Who may change an account's resource grants (the access rule's set_grants), as a matrix written out by hand:
// every human role and every token role × every account role × own/another owner's, then a token's scopes.

const ME = "00000000-0000-4000-8000-00000000000a";
const SOMEONE = "00000000-0000-4000-8000-00000000000b";
const account = (role: ServiceAccountRole, ownerId: string) => ({ id: "00000000-0000-4000-8000-0000000000dd", name: "target", ownerId, role });
const user = (role: Role): Actor => ({ type: "USER", id: ME, name: "me", email: "me@example.test", role });
const token = (role: ServiceAccountRole, scopes: readonly string[] | null = null): Actor => ({
  type: "SERVICE_ACCOUNT",
  id: "00000000-0000-4000-8000-0000000000cc",
  name: "caller",
  role,
  ownerId: ME,
  tokenId: "t",
  scopes,
});

/** Outcome per actor role, the same for every account role and owner: only ADMIN and OWNER change grants. */
const EXPECTED: Record<Role | ServiceAccountRole, { own: string; others: string }> = {
  OWNER: { own: "allowed", others: "allowed" },
  ADMIN: { own: "allowed", others: "allowed" },
  CONTRIBUTOR: { own: "missing_permission", others: "not_visible" },
  VIEWER: { own: "missing_permission", others: "not_visible" },
  AUDITOR: { own: "missing_permission", others: "missing_permission" },
  INTROSPECTOR: { own: "not_visible", others: "not_visible" },
};

const outcome = (actor: Actor, role: ServiceAccountRole, ownerId: string) => {
  const decision = decideAccountAccess(actor, account(role, ownerId), { action: "set_grants" });
  return decision.allowed ? "allowed" : decision.reason;
};

describe("changing resource grants (set_grants)", () => {
  it.each([...HUMAN_ROLES.map((role) => [`user ${role}`, user(role)] as const), ...SERVICE_ACCOUNT_ROLES.map((role) => [`token ${role}`, token(role)] as const)])(
    "%s: every account role, own and others'",
    (_label, actor) => {
      const seen = SERVICE_ACCOUNT_ROLES.flatMap((role) => [`own ${role}: ${outcome(actor, role, ME)}`, `others ${role}: ${outcome(actor, role, SOMEONE)}`]);
      const want = SERVICE_ACCOUNT_ROLES.flatMap((role) => [`own ${role}: ${EXPECTED[actor.role].own}`, `others ${role}: ${EXPECTED[actor.role].others}`]);
      expect(seen).toEqual(want);
    },
  );

  it.each([
    [null, "allowed"],
    [["service_accounts:read", "service_accounts:write"], "allowed"],
    [["service_accounts:read", "service_accounts:write", "deploy:write"], "allowed"],
    [["service_accounts:read"], "insufficient_scope"],
    [["service_accounts:read", "tokens:write"], "insufficient_scope"],
    [["service_accounts:write"], "insufficient_scope"],
    [[], "insufficient_scope"],
  ] as const)("an ADMIN token with scopes %j: %s", (scopes, want) => {
    expect(outcome(token("ADMIN", scopes), "VIEWER", SOMEONE)).toBe(want);
  });
});
