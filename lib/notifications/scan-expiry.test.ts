import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { JOB_SCHEMA } from "@/lib/jobs/queues";
import { createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { scanExpiry } from "./scan-expiry";

const DAY = 24 * 60 * 60 * 1000;
const noticesOf = (tokenId: string) => db.notification.findMany({ where: { tokenId }, orderBy: { createdAt: "asc" } });
const keysOf = async (tokenId: string) => (await noticesOf(tokenId)).map((n) => n.dedupeKey.replace(`:${tokenId}`, ""));
const auditsOf = (tokenId: string) => db.auditEvent.findMany({ where: { action: { in: ["token.expiry_notice", "token.expired_notice"] }, metadata: { path: ["tokenId"], equals: tokenId } }, orderBy: { id: "asc" } });
const emailJobs = async (notificationIds: string[]) =>
  (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = 'email' AND data->>'notificationId' = ANY($1::text[])`, notificationIds))[0]!.n;

describe("the expiry scan", () => {
  it("gives a token first seen 3 days before its end the 7-day reminder once, however many scans run at once; then the 1-day one; never the 30-day one", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const expiresAt = new Date(Date.now() + 3 * DAY);
    const { account, token } = await createTestServiceAccount(owner.id, { expiresAt });
    await Promise.all([0, 1, 2].map(() => scanExpiry(testMeta())));
    expect(await keysOf(token.id)).toEqual(["token.expiring:7"]);
    const [notice] = await noticesOf(token.id);
    expect(notice).toMatchObject({ userId: owner.id, kind: "token.expiring", data: { days: 7 } });
    const audits = await auditsOf(token.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "token.expiry_notice", actorType: "SYSTEM", targetId: account.id, metadata: { days: 7, tokenId: token.id, hint: token.hint, recipientId: owner.id } });
    expect(await emailJobs([notice!.id])).toBe(1);

    // Later scans in the same window add nothing; inside the last day, the 1-day reminder, once.
    await scanExpiry(testMeta());
    const lastDay = new Date(expiresAt.getTime() - 12 * 60 * 60 * 1000);
    await Promise.all([scanExpiry(testMeta(), lastDay), scanExpiry(testMeta(), lastDay)]);
    expect(await keysOf(token.id)).toEqual(["token.expiring:7", "token.expiring:1"]);
    // Expired: one notice, once.
    const after = new Date(expiresAt.getTime() + 60 * 60 * 1000);
    await Promise.all([scanExpiry(testMeta(), after), scanExpiry(testMeta(), after)]);
    expect(await keysOf(token.id)).toEqual(["token.expiring:7", "token.expiring:1", "token.expired"]);
    expect((await auditsOf(token.id)).map((e) => [e.action, (e.metadata as { days?: number }).days])).toEqual([
      ["token.expiry_notice", 7],
      ["token.expiry_notice", 1],
      ["token.expired_notice", undefined],
    ]);
    expect(await emailJobs((await noticesOf(token.id)).map((n) => n.id))).toBe(3);
  });

  it("gives a token 20 days from its end the 30-day reminder only", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { token } = await createTestServiceAccount(owner.id, { expiresAt: new Date(Date.now() + 20 * DAY) });
    await scanExpiry(testMeta());
    expect(await keysOf(token.id)).toEqual(["token.expiring:30"]);
  });

  it("leaves alone revoked and rotated tokens, tokens further than 30 days out, and those that expired long ago", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const soon = new Date(Date.now() + 2 * DAY);
    const revoked = await createTestServiceAccount(owner.id, { expiresAt: soon });
    await db.apiToken.update({ where: { id: revoked.token.id }, data: { revokedAt: new Date() } });
    const rotated = await createTestServiceAccount(owner.id, { expiresAt: soon });
    const successor = await createTestServiceAccount(owner.id, { expiresAt: new Date(Date.now() + 90 * DAY) });
    await db.apiToken.update({ where: { id: rotated.token.id }, data: { replacedById: successor.token.id } });
    const far = await createTestServiceAccount(owner.id, { expiresAt: new Date(Date.now() + 31 * DAY) });
    const longAgo = await createTestServiceAccount(owner.id, { expiresAt: new Date(Date.now() - 8 * DAY) });
    await scanExpiry(testMeta());
    for (const { token } of [revoked, rotated, successor, far, longAgo]) expect(await keysOf(token.id)).toEqual([]);
  });
});
