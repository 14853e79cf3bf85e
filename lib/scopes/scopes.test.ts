import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { actorOf, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { scopeActions as actions } from "./action-definitions";
import { findCustomScopes, listScopes } from "./find-scopes";

const unique = (prefix: string) => `${prefix}:${Math.random().toString(36).slice(2, 10)}`;
const admin = async () => actorOf(await createTestUser({ role: "ADMIN" }));
const create = (actor: Actor, input: Record<string, unknown>) => runAction(actions.create, input, actor, testMeta());

describe("custom scopes", () => {
  it("creates a scope with CONTRIBUTOR as the default minimum role, audited", async () => {
    const actor = await admin();
    const name = unique("deploy");
    const result = await create(actor, { name, description: "Deploy to production" });
    expect(result).toMatchObject({ ok: true, data: { name, minimumRole: "CONTRIBUTOR", archived: false } });
    const [event] = await db.auditEvent.findMany({ where: { action: "scope.created", targetName: name } });
    expect(event).toMatchObject({ actorId: actor.id, targetType: "scope", metadata: { after: { name, minimumRole: "CONTRIBUTOR" } } });
  });

  it.each([
    ["Deploy:Write", "Use lower-case letters"],
    ["deploy write", "Use lower-case letters"],
    [":deploy", "Use lower-case letters"],
    ["x".repeat(65), "at most 64"],
    ["tokens:write", "This is a built-in scope"],
    ["", "Name is required"],
  ])("refuses the name %j with a field error", async (name, message) => {
    const result = await create(await admin(), { name });
    expect(result).toMatchObject({ ok: false, error: { code: "validation" } });
    expect(!result.ok && result.error.fieldErrors?.name?.[0]).toContain(message);
  });

  it("refuses a minimum role other than OWNER, ADMIN or CONTRIBUTOR", async () => {
    const result = await create(await admin(), { name: unique("registry"), minimumRole: "VIEWER" });
    expect(result).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { minimumRole: [expect.any(String)] } } });
  });

  it("keeps names unique: a second scope of the same name is a conflict on the name", async () => {
    const actor = await admin();
    const name = unique("registry.pull");
    expect((await create(actor, { name })).ok).toBe(true);
    expect(await create(actor, { name })).toMatchObject({ ok: false, error: { code: "conflict", fieldErrors: { name: ["A scope with this name already exists"] } } });
  });

  it("edits description and minimum role, audited with before and after; the name cannot change", async () => {
    const actor = await admin();
    const created = await create(actor, { name: unique("edit") });
    const id = created.ok ? created.data.id : "";
    expect((await runAction(actions.update, { id, description: "Now described", minimumRole: "ADMIN", name: "renamed" }, actor, testMeta())).ok).toBe(true);
    const scope = await db.scope.findUniqueOrThrow({ where: { id } });
    expect(scope).toMatchObject({ description: "Now described", minimumRole: "ADMIN", name: created.ok ? created.data.name : "" });
    const [event] = await db.auditEvent.findMany({ where: { action: "scope.updated", targetId: id } });
    expect(event!.metadata).toMatchObject({ before: { description: "", minimumRole: "CONTRIBUTOR" }, after: { description: "Now described", minimumRole: "ADMIN" } });
  });

  it("archives and unarchives, each audited once; the list flags it and counts live tokens carrying it", async () => {
    const actor = await admin();
    const name = unique("carried");
    const created = await create(actor, { name });
    const id = created.ok ? created.data.id : "";
    const { token } = await createTestServiceAccount(actor.id);
    await db.apiToken.update({ where: { id: token.id }, data: { fullAccess: false, scopes: [name] } });
    const revoked = await createTestServiceAccount(actor.id);
    await db.apiToken.update({ where: { id: revoked.token.id }, data: { fullAccess: false, scopes: [name], revokedAt: new Date() } });
    await runAction(actions.setArchived, { id, archived: true }, actor, testMeta());
    await runAction(actions.setArchived, { id, archived: true }, actor, testMeta());
    expect((await findCustomScopes()).find((s) => s.id === id)).toMatchObject({ archived: true, liveTokens: 1 });
    expect((await listScopes()).data.find((s) => s.name === name)).toMatchObject({ builtIn: false, archived: true });
    await runAction(actions.setArchived, { id, archived: false }, actor, testMeta());
    const events = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["scope.created", "scope.archived", "scope.unarchived"]);
  });

  it("lists the built-in scopes with their descriptions", async () => {
    const { data } = await listScopes();
    expect(data.find((s) => s.name === "service_accounts:write")).toMatchObject({ builtIn: true, minimumRole: null, description: expect.stringContaining("grants") });
  });

  it("is refused to a CONTRIBUTOR, and to an ADMIN token whose scopes lack service_accounts:write", async () => {
    const contributor = actorOf(await createTestUser({ role: "CONTRIBUTOR" }));
    expect(await create(contributor, { name: unique("nope") })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const owner = await createTestUser({ role: "ADMIN" });
    const { account, token } = await createTestServiceAccount(owner.id, { role: "ADMIN" });
    const scoped: Actor = { type: "SERVICE_ACCOUNT", id: account.id, name: account.name, role: "ADMIN", ownerId: owner.id, tokenId: token.id, scopes: ["service_accounts:read", "tokens:write"] };
    expect(await create(scoped, { name: unique("nope") })).toMatchObject({ ok: false, error: { code: "insufficient_scope", scope: "service_accounts:write" } });
    expect((await create({ ...scoped, scopes: ["service_accounts:write"] }, { name: unique("yes") })).ok).toBe(true);
  });
});
