import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { HUMAN_ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { actorOf, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { serviceAccountActions } from "./action-definitions";

// Written out by hand from the issue, not derived from the permission map, so a change to the map that breaks
// a rule fails here. "not_found": a CONTRIBUTOR cannot even see another owner's account.
type Outcome = "ok" | "forbidden" | "not_found";
const EXPECTED: Record<Role, { own: Outcome; others: Outcome; createOwn: Outcome; createForOthers: Outcome }> = {
  OWNER: { own: "ok", others: "ok", createOwn: "ok", createForOthers: "ok" },
  ADMIN: { own: "ok", others: "ok", createOwn: "ok", createForOthers: "ok" },
  CONTRIBUTOR: { own: "ok", others: "not_found", createOwn: "ok", createForOthers: "forbidden" },
  VIEWER: { own: "forbidden", others: "forbidden", createOwn: "forbidden", createForOthers: "forbidden" },
  AUDITOR: { own: "forbidden", others: "forbidden", createOwn: "forbidden", createForOthers: "forbidden" },
};

const outcomeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? "ok" : result.error!.code);
const auditCount = (targetId: string) => db.auditEvent.count({ where: { targetId } });

type Operation = "manage" | "regenerate" | "revoke" | "delete";
async function perform(operation: Operation, actor: ReturnType<typeof actorOf>, target: Awaited<ReturnType<typeof createTestServiceAccount>>) {
  const { account, token } = target;
  switch (operation) {
    case "manage":
      return runAction(serviceAccountActions.update, { id: account.id, description: "changed", ownerId: account.ownerId, role: "VIEWER" }, actor, testMeta());
    case "regenerate":
      return runAction(serviceAccountActions.regenerate, { serviceAccountId: account.id, previousToken: "expire_now" }, actor, testMeta());
    case "revoke":
      return runAction(serviceAccountActions.revoke, { tokenId: token.id }, actor, testMeta());
    case "delete":
      return runAction(serviceAccountActions.delete, { id: account.id }, actor, testMeta());
  }
}

describe.each(HUMAN_ROLES)("a %s", (role) => {
  it.each(["manage", "regenerate", "revoke", "delete"] as const)("%s: own and others' accounts", async (operation) => {
    const user = await createTestUser({ role });
    const other = await createTestUser({ role: "CONTRIBUTOR" });
    for (const [whose, ownerId] of [["own", user.id], ["others", other.id]] as const) {
      const target = await createTestServiceAccount(ownerId);
      const result = await perform(operation, actorOf(user), target);
      expect({ whose, outcome: outcomeOf(result) }).toEqual({ whose, outcome: EXPECTED[role][whose] });
      const still = await db.serviceAccount.findUnique({ where: { id: target.account.id }, include: { tokens: true } });
      if (result.ok) {
        expect(await auditCount(target.account.id)).toBe(1);
      } else {
        // Refused: nothing written.
        expect(await auditCount(target.account.id)).toBe(0);
        expect(still).toMatchObject({ description: "", tokens: [{ revokedAt: null, expiresAt: null, replacedById: null }] });
      }
    }
  });

  it("create: for themselves and for someone else", async () => {
    const user = await createTestUser({ role });
    const other = await createTestUser({ role: "VIEWER" });
    for (const [whose, ownerId] of [["createOwn", user.id], ["createForOthers", other.id]] as const) {
      const name = `m-${whose}-${user.id.slice(0, 8)}`;
      const result = await runAction(serviceAccountActions.create, { name, role: "VIEWER", ownerId, expiration: "never" }, actorOf(user), testMeta());
      expect({ whose, outcome: outcomeOf(result) }).toEqual({ whose, outcome: EXPECTED[role][whose] });
      expect(await db.serviceAccount.count({ where: { name } })).toBe(result.ok ? 1 : 0);
    }
  });
});

describe("forged input straight to the action", () => {
  it("refuses a role above the creator's and writes nothing", async () => {
    const user = await createTestUser({ role: "CONTRIBUTOR" });
    for (const role of ["ADMIN", "AUDITOR", "INTROSPECTOR", "OWNER"]) {
      const name = `forged-${role}-${user.id.slice(0, 8)}`;
      const result = await runAction(serviceAccountActions.create, { name, role, expiration: "never" }, actorOf(user), testMeta());
      expect(result.ok).toBe(false);
      expect(await db.serviceAccount.count({ where: { name } })).toBe(0);
    }
  });

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
