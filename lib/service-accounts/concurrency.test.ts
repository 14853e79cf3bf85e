import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { tokenStatus } from "@/lib/tokens/token-status";
import { actorOf, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { serviceAccountActions as actions } from "./action-definitions";

// Operations on one account take their locks in one order (lock-account.ts), so racing writers queue instead of
// deadlocking, and the account's shown status always agrees with its tokens.

const outcome = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? "ok" : result.error!.code);

/** The status the list shows (copied onto the account) against the one its current token has. */
async function statusAgrees(accountId: string) {
  const account = await db.serviceAccount.findUniqueOrThrow({ where: { id: accountId }, include: { tokens: true } });
  const current = account.tokens.find((t) => t.replacedById === null)!;
  return tokenStatus({ expiresAt: account.tokenExpiresAt, revokedAt: account.tokenRevokedAt }) === tokenStatus(current);
}

describe("racing writers on one account", () => {
  it("revoke against regenerate, 40 times: no internal error, and the status agrees with the tokens", async () => {
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const outcomes: string[] = [];
    for (let batch = 0; batch < 8; batch++) {
      const trials = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const { account, token } = await createTestServiceAccount(admin.id);
          const results = await Promise.all([
            runAction(actions.revoke, { tokenId: token.id }, admin, testMeta()),
            runAction(actions.regenerate, { serviceAccountId: account.id, previousToken: "expire_now" }, admin, testMeta()),
          ]);
          outcomes.push(...results.map(outcome));
          return statusAgrees(account.id);
        }),
      );
      expect(trials).toEqual(trials.map(() => true));
    }
    expect(outcomes.filter((o) => o !== "ok")).toEqual([]);
  });

  it("update, revoke and regenerate racing a delete answer ok or not found, never an internal error", async () => {
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const { account, token } = await createTestServiceAccount(admin.id);
      const results = await Promise.all([
        runAction(actions.delete, { id: account.id }, admin, testMeta()),
        runAction(actions.update, { id: account.id, description: "late", ownerId: admin.id, role: "VIEWER" }, admin, testMeta()),
        runAction(actions.revoke, { tokenId: token.id }, admin, testMeta()),
        runAction(actions.regenerate, { serviceAccountId: account.id, previousToken: "expire_now" }, admin, testMeta()),
      ]);
      expect(outcome(results[0]!)).toBe("ok");
      for (const result of results.slice(1)) seen.add(outcome(result));
      expect(await db.serviceAccount.count({ where: { id: account.id } })).toBe(0);
    }
    expect([...seen].every((o) => ["ok", "not_found", "conflict"].includes(o))).toBe(true);
  });
});
