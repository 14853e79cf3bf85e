import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ServiceAccountActor } from "@/lib/auth/actor";
import { flushRefusals } from "@/lib/audit/refusals";
import { db } from "@/lib/db/client";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { actorOf, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { userActions } from "@/lib/users/action-definitions";
import { runAction } from "./run-action";

const refusedBy = (actorId: string) => db.auditEvent.findMany({ where: { action: "action.refused", actorId }, orderBy: { id: "asc" } });
const newAccount = (role: string) => ({ name: `esc-${randomUUID().slice(0, 8)}`, role, expiration: "never" });

describe("runAction's refusals", () => {
  it("a CONTRIBUTOR creating an ADMIN account: refused, one action.refused event for both attempts, with the reason", async () => {
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const meta = testMeta();
    for (let i = 0; i < 2; i++) {
      const result = await runAction(serviceAccountActions.create, newAccount("ADMIN"), actorOf(contributor), i ? testMeta() : meta);
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(await refusedBy(contributor.id)).toHaveLength(0); // written when the window ends, not per request

    await flushRefusals();
    const events = await refusedBy(contributor.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "USER",
      result: "DENIED",
      requestId: meta.requestId,
      metadata: { reason: "role_ceiling", permission: "service_accounts.create", via: "console", status: 403, count: 2, sampleRequestId: meta.requestId },
    });
    expect(await db.serviceAccount.count({ where: { ownerId: contributor.id } })).toBe(0);
  });

  it("names the account when someone acts on another owner's account or raises one above their own role", async () => {
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const other = await createTestUser({ role: "CONTRIBUTOR" });
    const theirs = await createTestServiceAccount(other.id, { role: "VIEWER" });
    const mine = await createTestServiceAccount(contributor.id, { role: "VIEWER" });
    const actor = actorOf(contributor);
    const deleted = await runAction(serviceAccountActions.delete, { id: theirs.account.id }, actor, testMeta());
    expect(deleted).toMatchObject({ ok: false, error: { code: "not_found" } });
    const raised = await runAction(serviceAccountActions.update, { id: mine.account.id, description: "", ownerId: contributor.id, role: "ADMIN" }, actor, testMeta());
    expect(raised).toMatchObject({ ok: false, error: { code: "forbidden" } });

    await flushRefusals();
    const events = await refusedBy(contributor.id);
    expect(events.map((e) => [e.targetType, e.targetId, e.targetName, (e.metadata as { reason: string }).reason])).toEqual([
      ["service_account", theirs.account.id, theirs.account.name, "not_visible"],
      ["service_account", mine.account.id, mine.account.name, "role_ceiling"],
    ]);
    expect(events[0]!.metadata).toMatchObject({ status: 404, count: 1 });
    expect(await db.serviceAccount.findUnique({ where: { id: theirs.account.id } })).not.toBeNull();
  });

  it("an ADMIN promoting themselves to OWNER is an attempted escalation, with themselves as the target", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const result = await runAction(userActions.changeRole, { userId: admin.id, role: "OWNER" }, actorOf(admin), testMeta());
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    await flushRefusals();
    expect(await refusedBy(admin.id)).toEqual([
      expect.objectContaining({ targetType: "user", targetId: admin.id, metadata: expect.objectContaining({ reason: "self_promotion", action: "users.change_role" }) }),
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("a missing permission, and an action without a session, are refusals too; a validation error is not", async () => {
    const viewer = await createTestUser({ role: "VIEWER" });
    expect(await runAction(userActions.create, { name: "x" }, actorOf(viewer), testMeta())).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
    expect(await runAction(userActions.create, {}, null, testMeta({ ip }))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    const admin = await createTestUser({ role: "ADMIN" });
    expect(await runAction(userActions.create, { name: "" }, actorOf(admin), testMeta())).toMatchObject({ ok: false, error: { code: "validation" } });

    await flushRefusals();
    expect((await refusedBy(viewer.id)).map((e) => e.metadata)).toEqual([
      expect.objectContaining({ reason: "missing_permission", action: "users.create", permission: "users.manage", status: 403, count: 1 }),
    ]);
    expect(await db.auditEvent.findMany({ where: { action: "action.refused", ip } })).toEqual([
      expect.objectContaining({ actorType: "ANONYMOUS", metadata: expect.objectContaining({ reason: "unauthenticated", status: 401 }) }),
    ]);
    expect(await refusedBy(admin.id)).toHaveLength(0);
  });

  it("an API token's refused operation is recorded once, as coming through the API", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { account, token } = await createTestServiceAccount(owner.id, { role: "CONTRIBUTOR" });
    const actor: ServiceAccountActor = { type: "SERVICE_ACCOUNT", id: account.id, name: account.name, role: "CONTRIBUTOR", ownerId: owner.id, tokenId: token.id, scopes: null };
    for (let i = 0; i < 3; i++) await runAction(serviceAccountActions.create, newAccount("ADMIN"), actor, testMeta());
    await flushRefusals();
    expect(await refusedBy(account.id)).toEqual([
      expect.objectContaining({ actorTokenId: token.id, metadata: expect.objectContaining({ reason: "role_ceiling", via: "api", count: 3 }) }),
    ]);
  });
});
