import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { notify, type NoticeKind } from "@/lib/notifications/notify";
import { createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
import { startSmtpCatcher } from "@/lib/testing/smtp-catcher";
import { utc } from "./html";
import { sendNotification } from "./send-notification";

// A real SMTP server; email is on for this file (env() is read on first use, after this line).
const catcher = await startSmtpCatcher();
process.env.KEYHOLD_SMTP_URL = catcher.url;
process.env.KEYHOLD_MAIL_FROM = "Keyhold <keyhold@vitest.test>";
process.env.KEYHOLD_PUBLIC_URL = "https://keyhold.vitest.test";
afterAll(() => catcher.stop());

const DAY = 24 * 60 * 60 * 1000;

async function noticeFor(userId: string, kind: NoticeKind, tokenId: string, data = {}) {
  const [notice] = await db.$transaction((tx) => notify(tx, [{ userId, kind, dedupeKey: `${kind}:vitest:${tokenId}`, tokenId, data }]));
  return notice!.id;
}
const run = (notificationId: string) => sendNotification({ notificationId }, { id: `vitest-${notificationId}` });
const arrivedFor = (email: string) => catcher.messages.filter((m) => m.to.includes(email));

describe("the email job", () => {
  it("sends the owner a reminder naming the account, Token ID, hint, exact expiry and the page to rotate on, never the token's value", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR", name: "Ada Owner" });
    const expiresAt = new Date(Date.now() + 3 * DAY);
    const { account, token, value } = await createTestServiceAccount(owner.id, { expiresAt });
    const id = await noticeFor(owner.id, "token.expiring", token.id, { days: 7 });
    await run(id);
    const [message, ...more] = arrivedFor(owner.email);
    expect(more).toEqual([]);
    expect(message!.from).toBe("keyhold@vitest.test");
    expect(message!.to).toEqual([owner.email]);
    expect(message!.subject).toBe(`[Keyhold] Token "default" of ${account.name} expires in 3 days`);
    const raw = message!.readable;
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    for (const shown of [account.name, "Token ID: default", `Hint: ${token.hint}`, `Expires: ${utc(expiresAt)}`, `https://keyhold.vitest.test/admin/api-tokens/${account.id}`]) expect(raw).toContain(shown);
    // Neither the value nor its secret part, in any part or header.
    expect(message!.raw).not.toContain(value.slice(-24));
    expect(raw).not.toContain(value);
    expect(raw).not.toContain(value.slice(-24));
    const notice = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(notice.sentAt).not.toBeNull();
    const events = await db.auditEvent.findMany({ where: { action: "notification.sent", targetId: owner.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "SYSTEM", metadata: { kind: "token.expiring", tokenId: token.id, recipient: owner.email, notificationId: id } });
    // A retry after the send was recorded sends nothing more.
    await run(id);
    expect(arrivedFor(owner.email)).toHaveLength(1);
  });

  it("says who revoked a token", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { account, token } = await createTestServiceAccount(owner.id);
    await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await run(await noticeFor(owner.id, "token.revoked", token.id, { by: "Grace Admin <grace@example.test>" }));
    const [message] = arrivedFor(owner.email);
    expect(message!.subject).toBe(`[Keyhold] Token "default" of ${account.name} was revoked by Grace Admin <grace@example.test>`);
    expect(message!.readable).toContain("Grace Admin <grace@example.test> revoked");
    expect(message!.readable).toContain("<p>Grace Admin &lt;grace@example.test&gt; revoked");
  });

  it("skips a kind its recipient turned off, but still sends expiry reminders for ADMIN-role accounts' tokens", async () => {
    const owner = await createTestUser({ role: "ADMIN" });
    await db.notificationPreference.create({ data: { userId: owner.id, kind: "token.expiring", enabled: false } });
    const viewer = await createTestServiceAccount(owner.id, { role: "VIEWER", expiresAt: new Date(Date.now() + 5 * DAY) });
    const admin = await createTestServiceAccount(owner.id, { role: "ADMIN", expiresAt: new Date(Date.now() + 5 * DAY) });
    const skipped = await noticeFor(owner.id, "token.expiring", viewer.token.id, { days: 7 });
    const sent = await noticeFor(owner.id, "token.expiring", admin.token.id, { days: 7 });
    await run(skipped);
    await run(sent);
    expect(await db.notification.findUniqueOrThrow({ where: { id: skipped } })).toMatchObject({ sentAt: null, skipReason: "The recipient turned this kind of notice off" });
    expect((await db.notification.findUniqueOrThrow({ where: { id: sent } })).sentAt).not.toBeNull();
    expect(arrivedFor(owner.email).map((m) => m.subject)).toEqual([`[Keyhold] Token "default" of ${admin.account.name} expires in 5 days`]);
  });

  it("skips notices to a disabled user", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR", status: "DISABLED" });
    const { token } = await createTestServiceAccount(owner.id);
    const id = await noticeFor(owner.id, "token.expired", token.id);
    await run(id);
    expect(await db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ sentAt: null, skipReason: "The recipient is disabled" });
    expect(arrivedFor(owner.email)).toEqual([]);
  });

  it("a send that fails throws (the queue retries it) and leaves the notice unsent", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { token } = await createTestServiceAccount(owner.id);
    const id = await noticeFor(owner.id, "token.expired", token.id);
    await db.user.update({ where: { id: owner.id }, data: { email: "not an address" } });
    await expect(run(id)).rejects.toThrow();
    expect(await db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({ sentAt: null, skippedAt: null });
  });
});
