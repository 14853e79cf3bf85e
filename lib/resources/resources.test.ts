import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { actorOf, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { resourceActions as actions } from "./action-definitions";
import { findResourceCatalog, listResources } from "./find-resources";

const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
const admin = async () => actorOf(await createTestUser({ role: "ADMIN" }));

describe("resource types and resources", () => {
  it("has the seeded types with their ordered roles", async () => {
    const catalog = await findResourceCatalog();
    expect(catalog.find((t) => t.name === "application")?.roles).toEqual(["viewer", "developer", "owner"]);
    expect(catalog.find((t) => t.name === "environment-type")?.roles).toEqual(["deployer"]);
  });

  it("creates a type, audited; refuses bad names, bad roles, duplicate roles and a taken name", async () => {
    const actor = await admin();
    const name = unique("cluster");
    const created = await runAction(actions.createType, { name, roles: ["reader", "operator"] }, actor, testMeta());
    expect(created).toMatchObject({ ok: true, data: { name, roles: ["reader", "operator"] } });
    expect(await db.auditEvent.count({ where: { action: "resource_type.created", targetName: name } })).toBe(1);
    const refused = async (input: object) => {
      const result = await runAction(actions.createType, input, actor, testMeta());
      return result.ok ? null : result.error;
    };
    expect(await refused({ name: "Has:Colon", roles: ["x"] })).toMatchObject({ code: "validation", fieldErrors: { name: [expect.stringContaining("lower-case")] } });
    expect(await refused({ name: unique("t"), roles: [] })).toMatchObject({ fieldErrors: { roles: ["A type needs at least one role"] } });
    expect(await refused({ name: unique("t"), roles: ["Two Words"] })).toMatchObject({ fieldErrors: { roles: [expect.stringContaining("lower-case word")] } });
    expect(await refused({ name: unique("t"), roles: ["a", "b", "a"] })).toMatchObject({ fieldErrors: { roles: ["Listed twice: a"] } });
    expect(await refused({ name, roles: ["x"] })).toMatchObject({ code: "conflict", fieldErrors: { name: [expect.any(String)] } });
  });

  it("reorders and adds roles, but refuses to remove a role that a grant uses (409 on roles)", async () => {
    const actor = await admin();
    const type = await runAction(actions.createType, { name: unique("svc"), roles: ["viewer", "developer"] }, actor, testMeta());
    if (!type.ok) throw new Error("type");
    const resource = await runAction(actions.create, { type: type.data.name, name: "checkout" }, actor, testMeta());
    if (!resource.ok) throw new Error("resource");
    const { account } = await createTestServiceAccount(actor.id);
    await db.resourceGrant.create({ data: { serviceAccountId: account.id, resourceId: resource.data.id, role: "developer" } });
    const update = (roles: string[]) => runAction(actions.updateType, { id: type.data.id, roles }, actor, testMeta());
    expect((await update(["developer", "viewer", "owner"])).ok).toBe(true);
    expect(await update(["viewer", "owner"])).toMatchObject({ ok: false, error: { code: "conflict", fieldErrors: { roles: ["Still granted, cannot be removed: developer"] } } });
    expect((await update(["developer"])).ok).toBe(true); // viewer and owner were granted to no one
    expect((await db.resourceType.findUniqueOrThrow({ where: { id: type.data.id } })).roles).toEqual(["developer"]);
    const events = await db.auditEvent.findMany({ where: { action: "resource_type.updated", targetId: type.data.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.metadata)).toEqual([
      { before: { roles: ["viewer", "developer"] }, after: { roles: ["developer", "viewer", "owner"] } },
      { before: { roles: ["developer", "viewer", "owner"] }, after: { roles: ["developer"] } },
    ]);
  });

  it("creates resources unique per type, archives and unarchives them, audited", async () => {
    const actor = await admin();
    const name = unique("checkout");
    const created = await runAction(actions.create, { type: "application", name }, actor, testMeta());
    expect(created).toMatchObject({ ok: true, data: { type: "application", name } });
    expect((await runAction(actions.create, { type: "environment-type", name }, actor, testMeta())).ok).toBe(true);
    expect(await runAction(actions.create, { type: "application", name }, actor, testMeta())).toMatchObject({ ok: false, error: { code: "conflict", fieldErrors: { name: [expect.any(String)] } } });
    expect(await runAction(actions.create, { type: "nope", name: "x" }, actor, testMeta())).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { type: ["No resource type with this name"] } } });
    expect(await runAction(actions.create, { type: "application", name: "bad name" }, actor, testMeta())).toMatchObject({ ok: false, error: { fieldErrors: { name: [expect.any(String)] } } });
    const id = created.ok ? created.data.id : "";
    await runAction(actions.setArchived, { id, archived: true }, actor, testMeta());
    expect((await listResources("application")).data.find((r) => r.name === name)).toEqual({ type: "application", name, archived: true });
    await runAction(actions.setArchived, { id, archived: false }, actor, testMeta());
    const events = await db.auditEvent.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.targetName])).toEqual([
      ["resource.created", `application/${name}`],
      ["resource.archived", `application/${name}`],
      ["resource.unarchived", `application/${name}`],
    ]);
  });

  it("is refused to a CONTRIBUTOR", async () => {
    const contributor = actorOf(await createTestUser({ role: "CONTRIBUTOR" }));
    expect(await runAction(actions.create, { type: "application", name: unique("x") }, contributor, testMeta())).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});
