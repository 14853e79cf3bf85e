import { describe, expect, it } from "vitest";
import { authenticateToken } from "@/lib/api/authenticate-token";
import { db } from "@/lib/db/client";
import { setSuspendDisabledOwners } from "@/lib/policy/suspend-disabled-owners";
import { findReassignOptions } from "@/lib/service-accounts/find-owned-service-accounts";
import { contextFor, createTestServiceAccount, createTestUser, eventsFor } from "@/lib/testing/factories";
import { changeUserRole } from "./change-user-role";
import { setUserStatus } from "./set-user-status";

// When the person who owns service accounts leaves: their automation keeps working by default, the console
// offers to hand the accounts over in the same step, and an OWNER may suspend such tokens instead.

describe("disabling or demoting an owner", () => {
  it("keeps their tokens working, and hands every account to the chosen user in the same step, audited", async () => {
    const ctx = await contextFor("ADMIN");
    const leaver = await createTestUser({ role: "CONTRIBUTOR" });
    const heir = await createTestUser({ role: "ADMIN" });
    const a = await createTestServiceAccount(leaver.id, { role: "CONTRIBUTOR" });
    const b = await createTestServiceAccount(leaver.id, { role: "ADMIN" });
    const options = await findReassignOptions({ userId: leaver.id });
    expect(options.total).toBe(2);
    expect(options.owners.some((o) => o.id === leaver.id)).toBe(false);
    // As a VIEWER the leaver could manage neither; as CONTRIBUTOR only the CONTRIBUTOR account.
    expect(Object.fromEntries(options.accounts.map((x) => [x.role, x.manageableByOwnerAs.CONTRIBUTOR]))).toEqual({ CONTRIBUTOR: true, ADMIN: false });

    await setUserStatus({ userId: leaver.id, status: "DISABLED" }, ctx);
    expect(await authenticateToken(a.value)).not.toBeNull();

    await setUserStatus({ userId: leaver.id, status: "DISABLED", reassignTo: heir.id }, ctx);
    const owners = await db.serviceAccount.findMany({ where: { id: { in: [a.account.id, b.account.id] } }, select: { ownerId: true } });
    expect(owners.map((o) => o.ownerId)).toEqual([heir.id, heir.id]);
    for (const { account } of [a, b]) {
      const [event] = await eventsFor(account.id);
      expect(event).toMatchObject({ action: "service_account.reassigned", actorId: ctx.actor.id, metadata: { before: { owner: leaver.email }, after: { owner: heir.email } } });
    }
  });

  it("refuses to hand accounts to a disabled user or back to the same user, and changes nothing", async () => {
    const ctx = await contextFor("OWNER");
    const leaver = await createTestUser({ role: "CONTRIBUTOR" });
    const gone = await createTestUser({ role: "ADMIN", status: "DISABLED" });
    const { account } = await createTestServiceAccount(leaver.id);
    for (const reassignTo of [gone.id, leaver.id]) {
      await expect(changeUserRole({ userId: leaver.id, role: "VIEWER", reassignTo }, ctx)).rejects.toMatchObject({ code: "validation", fieldErrors: { reassignTo: expect.any(Array) } });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: leaver.id } })).role).toBe("CONTRIBUTOR");
    expect((await db.serviceAccount.findUniqueOrThrow({ where: { id: account.id } })).ownerId).toBe(leaver.id);
    expect(await eventsFor(account.id)).toHaveLength(0);
  });

  it("demotes and reassigns together: the role change and each reassignment are audited", async () => {
    const ctx = await contextFor("ADMIN");
    const leaver = await createTestUser({ role: "CONTRIBUTOR" });
    const heir = await createTestUser({ role: "CONTRIBUTOR" });
    const { account } = await createTestServiceAccount(leaver.id, { role: "VIEWER" });
    await changeUserRole({ userId: leaver.id, role: "VIEWER", reassignTo: heir.id }, ctx);
    expect((await eventsFor(leaver.id)).map((e) => e.action)).toEqual(["user.role_changed"]);
    expect((await eventsFor(account.id)).map((e) => e.action)).toEqual(["service_account.reassigned"]);
  });
});

describe("Suspend tokens of disabled owners", () => {
  it("makes a disabled owner's tokens refused until the account has an active owner again", async () => {
    const ctx = await contextFor("OWNER");
    const leaver = await createTestUser({ role: "CONTRIBUTOR" });
    const heir = await createTestUser({ role: "CONTRIBUTOR" });
    const kept = await createTestServiceAccount(leaver.id);
    const bystander = await createTestServiceAccount(heir.id);
    expect(await authenticateToken(kept.value)).not.toBeNull(); // cached now
    await setUserStatus({ userId: leaver.id, status: "DISABLED" }, ctx);
    expect(await authenticateToken(kept.value)).not.toBeNull();
    try {
      await setSuspendDisabledOwners({ enabled: true }, ctx);
      expect(await authenticateToken(kept.value)).toBeNull();
      expect(await authenticateToken(bystander.value)).not.toBeNull();
      await setUserStatus({ userId: leaver.id, status: "DISABLED", reassignTo: heir.id }, ctx);
      expect(await authenticateToken(kept.value)).not.toBeNull();
      const [changed] = await db.auditEvent.findMany({ where: { action: "settings.changed", actorId: ctx.actor.id } });
      expect(changed?.metadata).toEqual({ setting: "tokens.suspendDisabledOwners", before: false, after: true });
    } finally {
      await setSuspendDisabledOwners({ enabled: false }, ctx);
    }
  });
});
