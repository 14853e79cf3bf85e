import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { flushRefusals } from "@/lib/audit/refusals";
import { db } from "@/lib/db/client";
import { actorOf, createTestServiceAccount, createTestUser, eventsFor, testMeta } from "@/lib/testing/factories";
import { serviceAccountActions as actions } from "./action-definitions";

const unwrap = <T>(result: { ok: true; data: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`action refused: ${JSON.stringify(result.error)}`);
  return result.data;
};

describe("bulk revoke", () => {
  it("revokes each token in its own transaction with its own audit event, and reports the ones the access rule refuses", async () => {
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const other = await createTestUser({ role: "CONTRIBUTOR" });
    const mine = await createTestServiceAccount(contributor.id, { role: "VIEWER" });
    const mineToo = await createTestServiceAccount(contributor.id, { role: "CONTRIBUTOR" });
    // Refused: someone else's account (not even visible to a contributor), and an ADMIN account of one's own (role ceiling).
    const theirs = await createTestServiceAccount(other.id, { role: "VIEWER" });
    const ceiling = await createTestServiceAccount(contributor.id, { role: "ADMIN" });
    const meta = testMeta();
    const result = unwrap(
      await runAction(actions.bulkRevoke, { tokenIds: [mine.token.id, theirs.token.id, ceiling.token.id, mineToo.token.id, mine.token.id] }, actorOf(contributor), meta),
    );
    expect(result.revoked).toEqual([mine.token.id, mineToo.token.id]);
    expect(result.refused).toEqual([
      { tokenId: theirs.token.id, message: "Service account not found." },
      { tokenId: ceiling.token.id, message: "You cannot manage a service account with the ADMIN role." },
    ]);
    for (const { account, token } of [mine, mineToo]) {
      expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
      // The account's status copy follows, in the same transaction.
      expect((await db.serviceAccount.findUniqueOrThrow({ where: { id: account.id } })).tokenRevokedAt).not.toBeNull();
      const events = (await eventsFor(account.id)).filter((e) => e.action === "token.revoked");
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: contributor.id, requestId: meta.requestId, metadata: { tokenId: token.id } });
    }
    for (const { token } of [theirs, ceiling]) expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();
    // The refusals are audited as aggregates under the bulk action's name.
    await flushRefusals();
    const refused = await db.auditEvent.findMany({ where: { action: "action.refused", actorId: contributor.id } });
    expect(refused.map((e) => [e.targetId, (e.metadata as { reason?: string }).reason]).sort()).toEqual(
      [
        [ceiling.account.id, "role_ceiling"],
        [theirs.account.id, "not_visible"],
      ].sort(),
    );
    expect(refused.map((e) => (e.metadata as { action?: string }).action)).toEqual(["tokens.bulk_revoke", "tokens.bulk_revoke"]);
  });

  it("lets an admin revoke any account's token, reports one already revoked, and refuses a viewer outright", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const adminAccount = await createTestServiceAccount(owner.id, { role: "ADMIN" });
    const revoked = await createTestServiceAccount(owner.id, { role: "VIEWER" });
    await db.apiToken.update({ where: { id: revoked.token.id }, data: { revokedAt: new Date() } });
    const result = unwrap(await runAction(actions.bulkRevoke, { tokenIds: [adminAccount.token.id, revoked.token.id] }, actorOf(admin), testMeta()));
    expect(result).toEqual({ revoked: [adminAccount.token.id], refused: [{ tokenId: revoked.token.id, message: "This token is already revoked." }] });

    const viewer = await createTestUser({ role: "VIEWER" });
    const own = await createTestServiceAccount(viewer.id, { role: "VIEWER" });
    const refused = await runAction(actions.bulkRevoke, { tokenIds: [own.token.id] }, actorOf(viewer), testMeta());
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: own.token.id } })).revokedAt).toBeNull();
    // Input is checked: nothing, too many, or not ids.
    for (const tokenIds of [[], Array.from({ length: 101 }, () => crypto.randomUUID()), ["nope"]]) {
      expect(await runAction(actions.bulkRevoke, { tokenIds }, actorOf(admin), testMeta())).toMatchObject({ ok: false, error: { code: "validation" } });
    }
  });
});
