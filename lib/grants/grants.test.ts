import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { authenticateToken } from "@/lib/api/authenticate-token";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { resourceActions } from "@/lib/resources/action-definitions";
import { decideAccountAccess } from "@/lib/service-accounts/access";
import { actorOf, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { grantActions as actions } from "./action-definitions";
import { grantsOf } from "./find-grants";

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const admin = async () => actorOf(await createTestUser({ role: "ADMIN" }));

/** Two resources of the seeded application type, and one environment. */
async function catalog(actor: Actor) {
  const names = { app: unique("checkout"), other: unique("billing"), env: unique("production") };
  for (const [type, name] of [["application", names.app], ["application", names.other], ["environment-type", names.env]]) {
    const created = await runAction(resourceActions.create, { type, name }, actor, testMeta());
    if (!created.ok) throw new Error(JSON.stringify(created.error));
  }
  return names;
}

const grantEvents = (id: string) => db.auditEvent.findMany({ where: { action: "service_account.grants_changed", targetId: id }, orderBy: { id: "asc" } });

describe("resource grants", () => {
  it("replaces an account's grants, audited with before and after, and the token lookup carries them", async () => {
    const actor = await admin();
    const names = await catalog(actor);
    const { account, value } = await createTestServiceAccount(actor.id, { role: "CONTRIBUTOR" });
    const first = [{ type: "application", resource: names.app, role: "developer" }, { type: "environment-type", resource: names.env, role: "deployer" }];
    const set = (grants: object[]) => runAction(actions.set, { serviceAccountId: account.id, grants }, actor, testMeta());
    expect(await set(first)).toMatchObject({ ok: true, data: { grants: [{ ...first[0], archived: false }, { ...first[1], archived: false }] } });
    expect((await authenticateToken(value))?.grants.map(({ type, resource, role }) => ({ type, resource, role }))).toEqual(expect.arrayContaining(first));
    const second = [{ type: "application", resource: names.app, role: "owner" }, { type: "application", resource: names.other, role: "viewer" }];
    await set(second);
    expect((await grantsOf(db, account.id)).map(({ type, resource, role }) => ({ type, resource, role }))).toEqual(
      [...second].sort((a, b) => a.resource.localeCompare(b.resource)),
    );
    await set(second); // no change: no event
    const events = await grantEvents(account.id);
    expect(events).toHaveLength(2);
    expect(events[1]!.metadata).toMatchObject({ before: expect.arrayContaining(first), after: expect.arrayContaining(second) });
    expect((await authenticateToken(value))?.grants.map(({ type, resource, role }) => ({ type, resource, role }))).toEqual(expect.arrayContaining(second));
  });

  it("names the field of each bad entry: unknown type or resource, a role the type lacks, duplicates, archived resources", async () => {
    const actor = await admin();
    const names = await catalog(actor);
    const archived = await db.resource.update({ where: { typeId_name: { typeId: (await db.resourceType.findUniqueOrThrow({ where: { name: "application" } })).id, name: names.other } }, data: { archivedAt: new Date() } });
    const { account } = await createTestServiceAccount(actor.id);
    const result = await runAction(
      actions.set,
      {
        serviceAccountId: account.id,
        grants: [
          { type: "application", resource: names.app, role: "developer" },
          { type: "nope", resource: names.app, role: "developer" },
          { type: "application", resource: "missing", role: "developer" },
          { type: "application", resource: names.app, role: "deployer" },
          { type: "application", resource: archived.name, role: "viewer" },
          { type: "application", resource: names.app, role: "Bad Role" },
        ],
      },
      actor,
      testMeta(),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "validation" } });
    const fields = !result.ok ? result.error.fieldErrors : {};
    // Shape errors first (the schema): the duplicates and the bad role.
    expect(Object.keys(fields ?? {}).sort()).toEqual(["grants.3.resource", "grants.5.resource", "grants.5.role"]);
    const lookup = await runAction(
      actions.set,
      {
        serviceAccountId: account.id,
        grants: [
          { type: "nope", resource: names.app, role: "developer" },
          { type: "application", resource: "missing", role: "developer" },
          { type: "application", resource: names.app, role: "deployer" },
          { type: "application", resource: archived.name, role: "viewer" },
        ],
      },
      actor,
      testMeta(),
    );
    expect(lookup).toMatchObject({
      ok: false,
      error: {
        code: "validation",
        fieldErrors: {
          "grants.0.type": ["No resource type with this name"],
          "grants.1.resource": ["No application with this name"],
          "grants.2.role": ["application has the roles viewer, developer, owner"],
          "grants.3.resource": ["This resource is archived"],
        },
      },
    });
    expect(await db.resourceGrant.count({ where: { serviceAccountId: account.id } })).toBe(0);
  });

  it("puts and removes one grant (the console), keeping a grant on a since-archived resource", async () => {
    const actor = await admin();
    const names = await catalog(actor);
    const { account } = await createTestServiceAccount(actor.id);
    const put = (input: object) => runAction(actions.put, { serviceAccountId: account.id, ...input }, actor, testMeta());
    expect((await put({ type: "application", resource: names.app, role: "viewer" })).ok).toBe(true);
    expect((await put({ type: "environment-type", resource: names.env, role: "deployer" })).ok).toBe(true);
    await db.resource.updateMany({ where: { name: names.env }, data: { archivedAt: new Date() } });
    expect(await put({ type: "application", resource: names.app, role: "admin" })).toMatchObject({ ok: false, error: { fieldErrors: { role: [expect.any(String)] } } });
    expect(await put({ type: "application", resource: names.app, role: "developer" })).toMatchObject({
      ok: true,
      data: { grants: [{ resource: names.app, role: "developer" }, { resource: names.env, role: "deployer", archived: true }] },
    });
    expect(await put({ type: "environment-type", resource: names.env, role: "deployer" })).toMatchObject({ ok: true }); // unchanged
    expect((await runAction(actions.remove, { serviceAccountId: account.id, type: "application", resource: names.app }, actor, testMeta())).ok).toBe(true);
    expect((await grantsOf(db, account.id)).map((g) => g.resource)).toEqual([names.env]);
    expect((await grantEvents(account.id)).length).toBe(4);
  });

  it("lets only ADMIN+ change grants, through the one access rule", async () => {
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const own = await createTestServiceAccount(contributor.id, { role: "CONTRIBUTOR" });
    const facts = { ...own.account };
    expect(decideAccountAccess(actorOf(contributor), facts, { action: "read" }).allowed).toBe(true);
    expect(decideAccountAccess(actorOf(contributor), facts, { action: "set_grants" })).toMatchObject({ allowed: false, reason: "missing_permission" });
    const refused = await runAction(actions.set, { serviceAccountId: own.account.id, grants: [] }, actorOf(contributor), testMeta());
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });

    // An ADMIN token with scopes but not service_accounts:write: refused by the guard and by the rule itself.
    const owner = await createTestUser({ role: "ADMIN" });
    const caller = await createTestServiceAccount(owner.id, { role: "ADMIN" });
    const scoped: Actor = { type: "SERVICE_ACCOUNT", id: caller.account.id, name: caller.account.name, role: "ADMIN", ownerId: owner.id, tokenId: caller.token.id, scopes: ["service_accounts:read", "tokens:write"] };
    expect(decideAccountAccess(scoped, facts, { action: "set_grants" })).toMatchObject({ allowed: false, reason: "insufficient_scope", scope: "service_accounts:write" });
    expect(await runAction(actions.set, { serviceAccountId: own.account.id, grants: [] }, scoped, testMeta())).toMatchObject({ ok: false, error: { code: "insufficient_scope" } });
    expect((await runAction(actions.set, { serviceAccountId: own.account.id, grants: [] }, { ...scoped, scopes: ["service_accounts:read", "service_accounts:write"] }, testMeta())).ok).toBe(true);

    // An AUDITOR sees every account but changes no grants.
    expect(decideAccountAccess(actorOf(await createTestUser({ role: "AUDITOR" })), facts, { action: "set_grants" })).toMatchObject({ allowed: false, reason: "missing_permission" });
    expect(await grantEvents(own.account.id)).toHaveLength(0); // the allowed call changed nothing
  });

  it("answers not found for an account that does not exist", async () => {
    const result = await runAction(actions.set, { serviceAccountId: crypto.randomUUID(), grants: [] }, await admin(), testMeta());
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
