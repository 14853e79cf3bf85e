import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { authenticateToken } from "@/lib/api/authenticate-token";
import { API_ROUTES } from "@/lib/api/v1/routes";
import type { Actor } from "@/lib/auth/actor";
import { HUMAN_ROLES, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Role, ServiceAccountRole } from "@/lib/db/generated/enums";
import { actorOf, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { serviceAccountActions } from "./action-definitions";

// The access rule end to end, through the server actions and the API routes that real callers use: every actor
// (human roles in the console, service-account roles through the API) × every operation × every account role
// × own/another owner's. Written out by hand: a change anywhere that lets an actor act on an account above its
// own role, or on someone else's, fails here. Refused: nothing changes and no audit event is written.

type Outcome = "ok" | "forbidden" | "not_found";
type Operation = "update" | "regenerate" | "revoke" | "delete";
const OPERATIONS: Operation[] = ["update", "regenerate", "revoke", "delete"];
const ALL = SERVICE_ACCOUNT_ROLES;
const LOW: readonly ServiceAccountRole[] = ["CONTRIBUTOR", "VIEWER"];

/** Roles of the accounts each actor role may act on: [own, others']; `hidden`: others' are not even visible. */
const RULES: Record<Role | ServiceAccountRole, { own: readonly ServiceAccountRole[]; others: readonly ServiceAccountRole[]; hidden?: true }> = {
  OWNER: { own: ALL, others: ALL },
  ADMIN: { own: ALL, others: ALL },
  CONTRIBUTOR: { own: LOW, others: [], hidden: true },
  VIEWER: { own: [], others: [] },
  AUDITOR: { own: [], others: [] },
  INTROSPECTOR: { own: [], others: [] },
};
/** Roles whose permission check refuses before any account is looked at (403 for own and others' alike). */
const CANNOT_MANAGE = new Set(["VIEWER", "AUDITOR", "INTROSPECTOR"]);

function expected(role: Role | ServiceAccountRole, whose: "own" | "others", target: ServiceAccountRole): Outcome {
  if (RULES[role][whose].includes(target)) return "ok";
  if (!CANNOT_MANAGE.has(role) && whose === "others" && RULES[role].hidden) return "not_found";
  return "forbidden";
}

const outcomeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? "ok" : result.error!.code);
/** Events about the account other than refusals (which are recorded as aggregates elsewhere). */
const changeEvents = (targetId: string) => db.auditEvent.count({ where: { targetId, action: { notIn: ["action.refused", "api.request_refused"] } } });

type Target = Awaited<ReturnType<typeof createTestServiceAccount>>;

function viaAction(operation: Operation, actor: Actor, { account, token }: Target) {
  switch (operation) {
    case "update":
      return runAction(serviceAccountActions.update, { id: account.id, description: "changed", ownerId: account.ownerId, role: account.role }, actor, testMeta());
    case "regenerate":
      return runAction(serviceAccountActions.regenerate, { serviceAccountId: account.id, previousToken: "expire_now" }, actor, testMeta());
    case "revoke":
      return runAction(serviceAccountActions.revoke, { tokenId: token.id }, actor, testMeta());
    case "delete":
      return runAction(serviceAccountActions.delete, { id: account.id }, actor, testMeta());
  }
}

const API_CALLS: Record<Operation, { method: string; path: string; id: (t: Target) => string; body?: unknown }> = {
  update: { method: "PATCH", path: "/api/v1/service-accounts/{id}", id: (t) => t.account.id, body: { description: "changed" } },
  regenerate: { method: "POST", path: "/api/v1/service-accounts/{id}/tokens", id: (t) => t.account.id, body: { previousTokenExpiresAt: null } },
  revoke: { method: "POST", path: "/api/v1/tokens/{id}/revoke", id: (t) => t.token.id },
  delete: { method: "DELETE", path: "/api/v1/service-accounts/{id}", id: (t) => t.account.id },
};

/** Calls the API route as lib/api/server.ts would hand it a request, with the caller's real token. */
async function viaApi(operation: Operation, token: string, target: Target): Promise<Outcome> {
  const call = API_CALLS[operation];
  const route = API_ROUTES.find((r) => r.method === call.method && r.path === call.path)!;
  const id = call.id(target);
  const reply = await route.handle({
    id: crypto.randomUUID(),
    method: call.method,
    url: call.path.replace("{id}", id),
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-keyhold-client-ip": "203.0.113.50" },
    params: { id },
    query: {},
    body: call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body)),
  });
  if (reply.status < 300) return "ok";
  const code = (reply.body as { error: { code: string } }).error.code;
  return code as Outcome;
}

async function assertUntouched(target: Target) {
  const still = await db.serviceAccount.findUnique({ where: { id: target.account.id }, include: { tokens: true } });
  expect(still).toMatchObject({ description: "", tokens: [{ revokedAt: null, expiresAt: null, replacedById: null }] });
  expect(await changeEvents(target.account.id)).toBe(0);
}

describe.each(HUMAN_ROLES)("a %s in the console", (role) => {
  it.each(OPERATIONS)("%s: every account role, own and others'", async (operation) => {
    const user = await createTestUser({ role });
    const other = await createTestUser({ role: "CONTRIBUTOR" });
    const seen: string[] = [];
    const want: string[] = [];
    for (const [whose, ownerId] of [["own", user.id], ["others", other.id]] as const) {
      for (const targetRole of ALL) {
        const target = await createTestServiceAccount(ownerId, { role: targetRole });
        const outcome = outcomeOf(await viaAction(operation, actorOf(user), target));
        seen.push(`${whose} ${targetRole}: ${outcome}`);
        want.push(`${whose} ${targetRole}: ${expected(role, whose, targetRole)}`);
        if (outcome === "ok") expect(await changeEvents(target.account.id)).toBe(1);
        else await assertUntouched(target);
      }
    }
    expect(seen).toEqual(want);
  });
});

describe.each(SERVICE_ACCOUNT_ROLES)("a %s token through the API", (role) => {
  it.each(OPERATIONS)("%s: every account role, its owner's and others'", async (operation) => {
    const owner = await createTestUser({ role: "ADMIN" });
    const other = await createTestUser({ role: "CONTRIBUTOR" });
    const caller = await createTestServiceAccount(owner.id, { role });
    expect((await authenticateToken(caller.value))?.actor.role).toBe(role);
    const seen: string[] = [];
    const want: string[] = [];
    for (const [whose, ownerId] of [["own", owner.id], ["others", other.id]] as const) {
      for (const targetRole of ALL) {
        const target = await createTestServiceAccount(ownerId, { role: targetRole });
        const outcome = await viaApi(operation, caller.value, target);
        seen.push(`${whose} ${targetRole}: ${outcome}`);
        want.push(`${whose} ${targetRole}: ${expected(role, whose, targetRole)}`);
        if (outcome !== "ok") await assertUntouched(target);
      }
    }
    expect(seen).toEqual(want);
  });
});

describe("create: every actor × every role × for themselves and for someone else", () => {
  it.each(HUMAN_ROLES)("a %s in the console", async (role) => {
    const user = await createTestUser({ role });
    const other = await createTestUser({ role: "VIEWER" });
    const seen: string[] = [];
    const want: string[] = [];
    for (const [whose, ownerId] of [["own", user.id], ["others", other.id]] as const) {
      for (const target of ALL) {
        const name = `m-${whose}-${target}-${user.id.slice(0, 8)}`.toLowerCase();
        const result = await runAction(serviceAccountActions.create, { name, role: target, ownerId, expiration: "never" }, actorOf(user), testMeta());
        seen.push(`${whose} ${target}: ${outcomeOf(result)} ${await db.serviceAccount.count({ where: { name } })}`);
        const ok = RULES[role][whose].includes(target);
        want.push(`${whose} ${target}: ${ok ? "ok" : "forbidden"} ${ok ? 1 : 0}`);
      }
    }
    expect(seen).toEqual(want);
  });

  it.each(SERVICE_ACCOUNT_ROLES)("a %s token through the API (owned by its owner unless it names another)", async (role) => {
    const owner = await createTestUser({ role: "ADMIN" });
    const other = await createTestUser({ role: "VIEWER" });
    const caller = await createTestServiceAccount(owner.id, { role });
    const route = API_ROUTES.find((r) => r.method === "POST" && r.path === "/api/v1/service-accounts")!;
    const seen: string[] = [];
    const want: string[] = [];
    for (const [whose, ownerField] of [["own", undefined], ["others", other.id]] as const) {
      for (const target of ALL) {
        const name = `api-${whose}-${target}-${caller.account.id.slice(0, 8)}`.toLowerCase();
        const reply = await route.handle({
          id: crypto.randomUUID(),
          method: "POST",
          url: "/api/v1/service-accounts",
          headers: { authorization: `Bearer ${caller.value}`, "content-type": "application/json" },
          params: {},
          query: {},
          body: Buffer.from(JSON.stringify({ name, role: target, ...(ownerField ? { owner: ownerField } : {}) })),
        });
        seen.push(`${whose} ${target}: ${reply.status}`);
        want.push(`${whose} ${target}: ${RULES[role][whose].includes(target) ? 201 : 403}`);
      }
    }
    expect(seen).toEqual(want);
  });
});

describe("escalation through the API (the reported attack)", () => {
  it("a CONTRIBUTOR token cannot regenerate its owner's ADMIN account into an ADMIN token", async () => {
    const owner = await createTestUser({ role: "ADMIN" });
    const contributor = await createTestServiceAccount(owner.id, { role: "CONTRIBUTOR" });
    const admin = await createTestServiceAccount(owner.id, { role: "ADMIN" });
    expect(await viaApi("regenerate", contributor.value, admin)).toBe("forbidden");
    expect(await db.apiToken.count({ where: { serviceAccountId: admin.account.id } })).toBe(1);
  });

  it("a CONTRIBUTOR cannot create, or promote an account to, a role above its own", async () => {
    const user = await createTestUser({ role: "CONTRIBUTOR" });
    for (const role of ["ADMIN", "AUDITOR", "INTROSPECTOR", "OWNER"]) {
      const name = `forged-${role}-${user.id.slice(0, 8)}`;
      const result = await runAction(serviceAccountActions.create, { name, role, expiration: "never" }, actorOf(user), testMeta());
      expect(result.ok).toBe(false);
      expect(await db.serviceAccount.count({ where: { name } })).toBe(0);
    }
    const own = await createTestServiceAccount(user.id, { role: "VIEWER" });
    for (const role of ["ADMIN", "AUDITOR", "INTROSPECTOR"] as const) {
      const result = await runAction(serviceAccountActions.update, { id: own.account.id, description: "", ownerId: user.id, role }, actorOf(user), testMeta());
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden", fieldErrors: { role: ["You cannot grant this role"] } } });
    }
    expect((await db.serviceAccount.findUniqueOrThrow({ where: { id: own.account.id } })).role).toBe("VIEWER");
  });
});

describe("forged input straight to the action", () => {
  it("refuses an unknown account id, a malformed id and an unknown owner", async () => {
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(outcomeOf(await runAction(serviceAccountActions.delete, { id: unknown }, admin, testMeta()))).toBe("not_found");
    expect(outcomeOf(await runAction(serviceAccountActions.delete, { id: "1 OR 1=1" }, admin, testMeta()))).toBe("validation");
    const name = `ghost-owner-${admin.id.slice(0, 8)}`;
    const result = await runAction(serviceAccountActions.create, { name, role: "VIEWER", ownerId: unknown, expiration: "never" }, admin, testMeta());
    expect(result).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { ownerId: ["Choose an active user as owner"] } } });
    expect(await db.serviceAccount.count({ where: { name } })).toBe(0);
  });

  it("answers a duplicate name on the name field", async () => {
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const { account } = await createTestServiceAccount(admin.id);
    const result = await runAction(serviceAccountActions.create, { name: account.name, role: "VIEWER", expiration: "never" }, admin, testMeta());
    expect(result).toMatchObject({ ok: false, error: { code: "conflict", fieldErrors: { name: ["A service account with this name already exists"] } } });
  });
});
