import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { dumpDatabase } from "@/lib/testing/dump-database";
import { actorOf, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { hashToken, isWellFormedToken } from "@/lib/tokens/token-format";
import { serviceAccountActions as actions } from "./action-definitions";

const DAY = 86_400_000;
const unwrap = <T>(result: { ok: true; data: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`action refused: ${JSON.stringify(result.error)}`);
  return result.data;
};
const admin = async () => actorOf(await createTestUser({ role: "ADMIN" }));
const uniqueName = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

describe("service account lifecycle", () => {
  it("creates the account and its first token in one go, storing only the token's hash", async () => {
    const actor = await admin();
    const created = unwrap(await runAction(actions.create, { name: uniqueName("ci"), description: "CI", role: "VIEWER", expiration: "30" }, actor, testMeta()));
    expect(isWellFormedToken(created.token.value)).toBe(true);
    const token = await db.apiToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(token.secretHash).toBe(hashToken(created.token.value));
    expect(token.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29.9 * DAY);
    const events = await db.auditEvent.findMany({ where: { targetId: created.serviceAccount.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["service_account.created", "token.created"]);
  });

  it("rejects a custom expiry in the past with a field error", async () => {
    const actor = await admin();
    const result = await runAction(actions.create, { name: uniqueName("past"), role: "VIEWER", expiration: "custom", customExpiresAt: new Date(Date.now() - DAY).toISOString() }, actor, testMeta());
    expect(result).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { customExpiresAt: ["The date must be in the future"] } } });
  });

  it("regenerates keeping the old token until the chosen time, and the new one keeps the lifetime", async () => {
    const actor = await admin();
    const { account, token } = await createTestServiceAccount(actor.id, { expiresAt: new Date(Date.now() + 30 * DAY) });
    const graceUntil = new Date(Date.now() + 2 * DAY).toISOString();
    const fresh = unwrap(await runAction(actions.regenerate, { serviceAccountId: account.id, previousToken: "keep_until", previousTokenExpiresAt: graceUntil }, actor, testMeta()));
    const old = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(old).toMatchObject({ expiresAt: new Date(graceUntil), replacedById: fresh.id, revokedAt: null });
    expect(Date.parse(fresh.expiresAt!) - Date.now()).toBeGreaterThan(29.9 * DAY);
    const [event] = await db.auditEvent.findMany({ where: { targetId: account.id, action: "token.regenerated" } });
    expect(event?.metadata).toMatchObject({ previousTokenId: token.id, previousTokenExpiresAt: graceUntil, tokenId: fresh.id });
  });

  it("refuses to keep the old token past its own expiry", async () => {
    const actor = await admin();
    const { account } = await createTestServiceAccount(actor.id, { expiresAt: new Date(Date.now() + DAY) });
    const result = await runAction(actions.regenerate, { serviceAccountId: account.id, previousToken: "keep_until", previousTokenExpiresAt: new Date(Date.now() + 2 * DAY).toISOString() }, actor, testMeta());
    expect(result).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { previousTokenExpiresAt: [expect.stringContaining("own expiry")] } } });
    expect(await db.apiToken.count({ where: { serviceAccountId: account.id } })).toBe(1);
  });

  it("never leaves two tokens without a scheduled expiry when two regenerations race", async () => {
    const actor = await admin();
    const { account } = await createTestServiceAccount(actor.id);
    const later = new Date(Date.now() + DAY).toISOString();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        runAction(actions.regenerate, { serviceAccountId: account.id, previousToken: i % 2 ? "expire_now" : "keep_until", previousTokenExpiresAt: later }, actor, testMeta()),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const tokens = await db.apiToken.findMany({ where: { serviceAccountId: account.id } });
    expect(tokens).toHaveLength(7);
    expect(tokens.filter((t) => t.expiresAt === null && t.revokedAt === null)).toHaveLength(1);
    expect(tokens.filter((t) => t.replacedById === null)).toHaveLength(1);
  });

  it("revoking the current token marks the account revoked; deleting keeps the audit trail with names", async () => {
    const actor = await admin();
    const { account, token } = await createTestServiceAccount(actor.id);
    unwrap(await runAction(actions.revoke, { tokenId: token.id }, actor, testMeta()));
    expect((await db.serviceAccount.findUniqueOrThrow({ where: { id: account.id } })).tokenRevokedAt).not.toBeNull();
    expect(await runAction(actions.revoke, { tokenId: token.id }, actor, testMeta())).toMatchObject({ ok: false, error: { code: "conflict" } });
    unwrap(await runAction(actions.delete, { id: account.id }, actor, testMeta()));
    expect(await db.apiToken.count({ where: { serviceAccountId: account.id } })).toBe(0);
    const events = await db.auditEvent.findMany({ where: { targetId: account.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.targetName])).toEqual([
      ["token.revoked", account.name],
      ["service_account.deleted", account.name],
    ]);
  });

  it("stores no plaintext token anywhere after a full run of every operation", async () => {
    const actor = await admin();
    const revealed: string[] = [];
    const created = unwrap(await runAction(actions.create, { name: uniqueName("plain"), role: "VIEWER", expiration: "90" }, actor, testMeta()));
    revealed.push(created.token.value);
    const id = created.serviceAccount.id;
    revealed.push(unwrap(await runAction(actions.regenerate, { serviceAccountId: id, previousToken: "keep_until", previousTokenExpiresAt: new Date(Date.now() + DAY).toISOString() }, actor, testMeta())).value);
    const latest = unwrap(await runAction(actions.regenerate, { serviceAccountId: id, previousToken: "expire_now" }, actor, testMeta()));
    revealed.push(latest.value);
    unwrap(await runAction(actions.update, { id, description: "rotated", ownerId: actor.id, role: "CONTRIBUTOR" }, actor, testMeta()));
    unwrap(await runAction(actions.revoke, { tokenId: latest.id }, actor, testMeta()));
    const dump = await dumpDatabase(process.env.DATABASE_URL!);
    expect(dump).toContain(hashToken(revealed[0]!)); // the dump does see the token table
    for (const value of revealed) {
      expect(dump).not.toContain(value);
      expect(dump).not.toContain(value.slice(3, 30)); // nor a large part of the secret
    }
  });
});
