import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { HUMAN_ROLES, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import type { Role, ServiceAccountRole } from "@/lib/db/generated/enums";
import { decideAccountAccess, type AccountRequest } from "./access";

// The access rule as a matrix: every actor (each human role, and each service-account role acting through the
// API) × every request × every account role × own/another owner's. The expectations are written out by hand
// from the rule ("may manage this owner's accounts" AND "could grant this account's role"), not derived from
// the permission map, so a change to either that widens access fails here.

type ActorKind = `user:${Role}` | `token:${ServiceAccountRole}`;
const ME = "00000000-0000-4000-8000-00000000000a";
const SOMEONE = "00000000-0000-4000-8000-00000000000b";

function actorOf(kind: ActorKind): Actor {
  const [type, role] = kind.split(":") as ["user" | "token", string];
  if (type === "user") return { type: "USER", id: ME, name: "me", email: "me@example.test", role: role as Role };
  // A token answers for its owner: "own" accounts are its owner's.
  return { type: "SERVICE_ACCOUNT", id: "00000000-0000-4000-8000-0000000000cc", name: "caller", role: role as ServiceAccountRole, ownerId: ME, tokenId: "t", scopes: null };
}

const ALL = SERVICE_ACCOUNT_ROLES;
const NONE: readonly ServiceAccountRole[] = [];
const LOW: readonly ServiceAccountRole[] = ["CONTRIBUTOR", "VIEWER"];

/** Which account roles each actor may act on, for its own owner's accounts and for someone else's. */
const MANAGES: Record<ActorKind, { own: readonly ServiceAccountRole[]; others: readonly ServiceAccountRole[] }> = {
  "user:OWNER": { own: ALL, others: ALL },
  "user:ADMIN": { own: ALL, others: ALL },
  "user:CONTRIBUTOR": { own: LOW, others: NONE },
  "user:VIEWER": { own: NONE, others: NONE },
  "user:AUDITOR": { own: NONE, others: NONE },
  "token:ADMIN": { own: ALL, others: ALL },
  "token:CONTRIBUTOR": { own: LOW, others: NONE },
  "token:VIEWER": { own: NONE, others: NONE },
  "token:AUDITOR": { own: NONE, others: NONE },
  "token:INTROSPECTOR": { own: NONE, others: NONE },
};
/** Who sees other owners' accounts at all (a refusal there is "not found", not "forbidden"). */
const SEES_OTHERS: ActorKind[] = ["user:OWNER", "user:ADMIN", "user:AUDITOR", "token:ADMIN", "token:AUDITOR"];
/** Who sees their own (their owner's) accounts. */
const SEES_OWN: ActorKind[] = [...SEES_OTHERS, "user:CONTRIBUTOR", "user:VIEWER", "token:CONTRIBUTOR", "token:VIEWER"];
/** Which roles each actor may create accounts with (for themselves). */
const CREATES: Record<ActorKind, readonly ServiceAccountRole[]> = Object.fromEntries(
  Object.entries(MANAGES).map(([kind, { own }]) => [kind, own]),
) as Record<ActorKind, readonly ServiceAccountRole[]>;

const KINDS = Object.keys(MANAGES) as ActorKind[];

describe("decideAccountAccess", () => {
  it("covers every human and service-account role", () => {
    expect(KINDS.filter((k) => k.startsWith("user:")).map((k) => k.slice(5)).sort()).toEqual([...HUMAN_ROLES].sort());
    expect(KINDS.filter((k) => k.startsWith("token:")).map((k) => k.slice(6)).sort()).toEqual([...SERVICE_ACCOUNT_ROLES].sort());
  });

  for (const kind of KINDS) {
    it(`${kind}: read and manage, every account role, own and others'`, () => {
      const actor = actorOf(kind);
      const seen: string[] = [];
      const expected: string[] = [];
      for (const whose of ["own", "others"] as const) {
        for (const role of ALL) {
          const account = { id: "acc", name: "acc", role, ownerId: whose === "own" ? ME : SOMEONE };
          const visible = (whose === "own" ? SEES_OWN : SEES_OTHERS).includes(kind);
          const read = decideAccountAccess(actor, account, { action: "read" });
          seen.push(`${whose} ${role} read ${read.allowed ? "ok" : read.reason}`);
          expected.push(`${whose} ${role} read ${visible ? "ok" : "not_visible"}`);
          const manage = decideAccountAccess(actor, account, { action: "manage" });
          const allowed = MANAGES[kind][whose].includes(role);
          seen.push(`${whose} ${role} manage ${manage.allowed ? "ok" : manage.allowed === false && manage.reason === "not_visible" ? "not_visible" : "refused"}`);
          expected.push(`${whose} ${role} manage ${allowed ? "ok" : visible ? "refused" : "not_visible"}`);
        }
      }
      expect(seen).toEqual(expected);
    });

    it(`${kind}: create with each role, for themselves and for someone else`, () => {
      const actor = actorOf(kind);
      for (const role of ALL) {
        const mine = decideAccountAccess(actor, null, { action: "create", role, ownerId: ME });
        expect({ role, allowed: mine.allowed }).toEqual({ role, allowed: CREATES[kind].includes(role) });
        const theirs = decideAccountAccess(actor, null, { action: "create", role, ownerId: SOMEONE });
        expect({ role, allowed: theirs.allowed }).toEqual({ role, allowed: MANAGES[kind].others.includes(role) });
      }
    });
  }

  it("refuses a change to a role or owner the actor could not grant, even on an account it may manage", () => {
    const contributor = actorOf("user:CONTRIBUTOR");
    const own = { id: "acc", name: "acc", role: "VIEWER" as const, ownerId: ME };
    const attempts: [AccountRequest, string][] = [
      [{ action: "manage", change: { role: "CONTRIBUTOR" } }, "ok"],
      [{ action: "manage", change: { role: "ADMIN" } }, "role_ceiling"],
      [{ action: "manage", change: { role: "AUDITOR" } }, "role_ceiling"],
      [{ action: "manage", change: { role: "INTROSPECTOR" } }, "role_ceiling"],
      [{ action: "manage", change: { ownerId: ME } }, "ok"],
      [{ action: "manage", change: { ownerId: SOMEONE } }, "owner_assignment"],
    ];
    for (const [request, outcome] of attempts) {
      const decision = decideAccountAccess(contributor, own, request);
      expect({ request, outcome: decision.allowed ? "ok" : decision.reason }).toEqual({ request, outcome });
    }
  });

  it("lets any token revoke itself, and nothing else through that door", () => {
    const own = { id: "00000000-0000-4000-8000-0000000000cc", name: "caller", role: "ADMIN" as const, ownerId: SOMEONE };
    for (const role of SERVICE_ACCOUNT_ROLES) {
      expect(decideAccountAccess(actorOf(`token:${role}`), own, { action: "revoke_self" }).allowed).toBe(true);
      expect(decideAccountAccess(actorOf(`token:${role}`), { ...own, id: "another" }, { action: "revoke_self" }).allowed).toBe(false);
    }
    expect(decideAccountAccess(actorOf("user:OWNER"), own, { action: "revoke_self" }).allowed).toBe(false);
    expect(decideAccountAccess(actorOf("token:VIEWER"), null, { action: "revoke_self" }).allowed).toBe(false);
  });

  it("names why: a CONTRIBUTOR token reaching for its owner's ADMIN account hits the role ceiling", () => {
    const decision = decideAccountAccess(actorOf("token:CONTRIBUTOR"), { id: "a", name: "a", role: "ADMIN", ownerId: ME }, { action: "manage" });
    expect(decision).toMatchObject({ allowed: false, reason: "role_ceiling" });
    const stranger = decideAccountAccess(actorOf("user:AUDITOR"), { id: "a", name: "a", role: "VIEWER", ownerId: SOMEONE }, { action: "manage" });
    expect(stranger).toMatchObject({ allowed: false, reason: "missing_permission" });
  });

  describe("giving scopes to a token (add, rotate): never more than the actor holds", () => {
    const own = { id: "acc", name: "acc", role: "CONTRIBUTOR" as const, ownerId: ME };
    const withScopes = (kind: ActorKind, scopes: readonly string[] | null): Actor => ({ ...(actorOf(kind) as Extract<Actor, { type: "SERVICE_ACCOUNT" }>), scopes });
    const custom = { "deploy:write": "CONTRIBUTOR", "registry:admin": "ADMIN", "billing:owner": "OWNER" } as const;
    const give = (scopes: readonly string[] | null) => ({ action: "manage" as const, scope: "tokens:write" as const, give: { scopes, minimumRoles: custom } });
    // [actor, the scopes given (null: full access), outcome]
    const cases: [string, Actor, readonly string[] | null, string][] = [
      ["user CONTRIBUTOR, full access", actorOf("user:CONTRIBUTOR"), null, "ok"],
      ["user CONTRIBUTOR, built-in", actorOf("user:CONTRIBUTOR"), ["service_accounts:read"], "ok"],
      ["user CONTRIBUTOR, custom min CONTRIBUTOR", actorOf("user:CONTRIBUTOR"), ["deploy:write"], "ok"],
      ["user CONTRIBUTOR, custom min ADMIN", actorOf("user:CONTRIBUTOR"), ["registry:admin"], "scope_ceiling"],
      ["user ADMIN, custom min ADMIN", actorOf("user:ADMIN"), ["registry:admin"], "ok"],
      ["user ADMIN, custom min OWNER", actorOf("user:ADMIN"), ["billing:owner"], "scope_ceiling"],
      ["user OWNER, custom min OWNER", actorOf("user:OWNER"), ["billing:owner", "registry:admin"], "ok"],
      ["full-access CONTRIBUTOR token, full access", withScopes("token:CONTRIBUTOR", null), null, "ok"],
      ["full-access CONTRIBUTOR token, custom min ADMIN", withScopes("token:CONTRIBUTOR", null), ["registry:admin"], "scope_ceiling"],
      ["full-access ADMIN token, custom min ADMIN", withScopes("token:ADMIN", null), ["registry:admin"], "ok"],
      ["full-access ADMIN token, custom min OWNER", withScopes("token:ADMIN", null), ["billing:owner"], "scope_ceiling"],
      ["scoped token, full access", withScopes("token:ADMIN", ["tokens:write", "service_accounts:read"]), null, "scope_ceiling"],
      ["scoped token, a scope it holds", withScopes("token:ADMIN", ["tokens:write", "service_accounts:read"]), ["service_accounts:read"], "ok"],
      ["scoped token, a scope it lacks", withScopes("token:ADMIN", ["tokens:write", "service_accounts:read"]), ["audit:read"], "scope_ceiling"],
      ["scoped token, a custom scope it holds", withScopes("token:ADMIN", ["tokens:write", "service_accounts:read", "deploy:write"]), ["deploy:write"], "ok"],
      ["scoped token, a custom scope it lacks", withScopes("token:ADMIN", ["tokens:write", "service_accounts:read"]), ["deploy:write"], "scope_ceiling"],
      ["scoped token without tokens:write", withScopes("token:ADMIN", ["service_accounts:read"]), ["service_accounts:read"], "insufficient_scope"],
    ];
    for (const [label, actor, scopes, outcome] of cases) {
      it(label, () => {
        const decision = decideAccountAccess(actor, own, give(scopes));
        expect(decision.allowed ? "ok" : decision.reason).toBe(outcome);
        if (outcome === "scope_ceiling") expect(decision).toMatchObject({ field: "scopes" });
      });
    }
  });
});
