import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { flushRefusals } from "@/lib/audit/refusals";
import { db } from "@/lib/db/client";
import { createTestUser, eventsFor, testMeta, TEST_PASSWORD, uniqueEmail } from "@/lib/testing/factories";
import { MAX_FAILED_SIGN_INS } from "./sign-in-limiter";
import { signInWithPassword } from "./sign-in";

describe("signInWithPassword", () => {
  it("signs in, records the time and audits it", async () => {
    const user = await createTestUser();
    const meta = testMeta();
    const outcome = await signInWithPassword(user.email.toUpperCase(), TEST_PASSWORD, meta);
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
    const session = await db.userSession.findUniqueOrThrow({ where: { id: outcome.ok ? outcome.user.sessionId : "" } });
    expect(session).toMatchObject({ userId: user.id, revokedAt: null, ip: meta.ip });
    expect(session.expiresAt.getTime() - Date.now()).toBeGreaterThan(11 * 3_600_000);
    const [event] = await eventsFor(user.id);
    expect(event).toMatchObject({ action: "user.signed_in", actorId: user.id, ip: meta.ip, userAgent: "vitest", requestId: meta.requestId });
  });

  it("gives the same answer for an unknown email, a wrong password and a disabled user", async () => {
    const user = await createTestUser();
    const disabled = await createTestUser({ status: "DISABLED" });
    const outcomes = await Promise.all([
      signInWithPassword(uniqueEmail("nobody"), TEST_PASSWORD, testMeta()),
      signInWithPassword(user.email, "wrong-password-1", testMeta()),
      signInWithPassword(disabled.email, TEST_PASSWORD, testMeta()),
    ]);
    expect(outcomes).toEqual([{ ok: false, reason: "invalid" }, { ok: false, reason: "invalid" }, { ok: false, reason: "invalid" }]);
    await flushRefusals();
    const [failed] = await eventsFor(user.id);
    expect(failed).toMatchObject({ action: "user.sign_in_failed", actorName: user.email, result: "FAILURE", metadata: { reason: "wrong_password", count: 1, email: user.email } });
    const [off] = await eventsFor(disabled.id);
    expect(off).toMatchObject({ action: "user.sign_in_failed", metadata: { reason: "disabled" } });
  });

  it(`locks one email from one IP out after ${MAX_FAILED_SIGN_INS} failures, even for the right password`, async () => {
    const user = await createTestUser();
    const meta = testMeta({ ip: "198.51.100.20" });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      expect(await signInWithPassword(user.email, `wrong-${i}-password`, meta)).toEqual({ ok: false, reason: "invalid" });
    }
    const locked = await signInWithPassword(user.email, TEST_PASSWORD, meta);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect(locked.ok === false && locked.reason === "locked" && locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // Another address is not locked out by these failures.
    expect(await signInWithPassword(user.email, TEST_PASSWORD, testMeta({ ip: "198.51.100.21" }))).toMatchObject({ ok: true });
  });

  it("clears the failure count after a successful sign-in", async () => {
    const user = await createTestUser();
    const meta = testMeta({ ip: "198.51.100.30" });
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) await signInWithPassword(user.email, "nope-nope-nope", meta);
    expect(await signInWithPassword(user.email, TEST_PASSWORD, meta)).toMatchObject({ ok: true });
    expect(await signInWithPassword(user.email, "nope-nope-nope", meta)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(user.email, TEST_PASSWORD, meta)).toMatchObject({ ok: true });
  });

  it("locks out any email, however long (the limiter's key is a hash), and records only valid emails", async () => {
    const long = `${"a".repeat(64)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(55)}.test`;
    expect(long).toHaveLength(247);
    const user = await createTestUser({ email: long });
    const meta = testMeta({ ip: `198.51.100.40-${randomUUID().slice(0, 8)}` });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect(await signInWithPassword(long, `wrong-${i}-password`, meta)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(long, TEST_PASSWORD, meta)).toMatchObject({ ok: false, reason: "locked" });

    // Not even an email: still counted and locked out, and never written to the log as typed.
    const typedPassword = `correct horse battery staple ${"x".repeat(300)}`;
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) expect(await signInWithPassword(typedPassword, "pw", meta)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(typedPassword, "pw", meta)).toMatchObject({ ok: false, reason: "locked" });

    await flushRefusals();
    const events = await db.auditEvent.findMany({ where: { action: "user.sign_in_failed", ip: meta.ip }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.actorName, e.targetId, (e.metadata as { reason: string }).reason, (e.metadata as { count: number }).count])).toEqual([
      [long, user.id, "wrong_password", MAX_FAILED_SIGN_INS],
      [long, null, "locked_out", 2],
      ["invalid", null, "invalid_email", MAX_FAILED_SIGN_INS],
    ]);
    // One aggregate per address and reason: the names tried are kept beside the first.
    expect(events[1]!.metadata).toMatchObject({ email: long, actorNames: [long, "invalid"] });
    expect(JSON.stringify(events.map((e) => ({ ...e, id: String(e.id) })))).not.toContain("correct horse");
  });

  it("costs no audit write per attempt while locked out: one aggregate for them all", async () => {
    const user = await createTestUser();
    const meta = testMeta({ ip: `198.51.100.50-${randomUUID().slice(0, 8)}` });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signInWithPassword(user.email, "wrong-password-x", meta);
    await flushRefusals();
    const before = await db.auditEvent.count();
    for (let i = 0; i < 20; i++) expect(await signInWithPassword(user.email, TEST_PASSWORD, meta)).toMatchObject({ ok: false, reason: "locked" });
    expect(await db.auditEvent.count()).toBe(before);
    await flushRefusals();
    const locked = await db.auditEvent.findMany({ where: { action: "user.sign_in_failed", ip: meta.ip, metadata: { path: ["reason"], equals: "locked_out" } } });
    expect(locked.map((e) => (e.metadata as { count: number }).count)).toEqual([20]);
  });

  it("under KEYHOLD_PASSWORD_LOGIN=owners signs in only OWNERs; others are refused as a wrong password, and recorded", async () => {
    const owner = await createTestUser({ role: "OWNER" });
    const admin = await createTestUser({ role: "ADMIN" });
    const meta = testMeta({ ip: `198.51.100.50-${randomUUID().slice(0, 8)}` });
    expect(await signInWithPassword(owner.email, TEST_PASSWORD, meta, "owners")).toMatchObject({ ok: true, user: { id: owner.id } });
    expect(await signInWithPassword(admin.email, TEST_PASSWORD, meta, "owners")).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithPassword(admin.email, "wrong-password-1", meta, "owners")).toEqual({ ok: false, reason: "invalid" });
    await flushRefusals();
    const refused = await db.auditEvent.findMany({ where: { action: "user.sign_in_failed", targetId: admin.id }, orderBy: { id: "asc" } });
    expect(refused.map((e) => (e.metadata as { reason: string }).reason).sort()).toEqual(["password_sign_in_owners_only", "wrong_password"]);
    expect(await db.userSession.count({ where: { userId: admin.id } })).toBe(0);
  });

  it("under KEYHOLD_PASSWORD_LOGIN=off refuses everyone, owners too", async () => {
    const owner = await createTestUser({ role: "OWNER" });
    const meta = testMeta({ ip: `198.51.100.60-${randomUUID().slice(0, 8)}` });
    expect(await signInWithPassword(owner.email, TEST_PASSWORD, meta, "off")).toEqual({ ok: false, reason: "invalid" });
    await flushRefusals();
    const [refused] = await db.auditEvent.findMany({ where: { action: "user.sign_in_failed", ip: meta.ip } });
    expect(refused).toMatchObject({ actorName: owner.email, metadata: { reason: "password_sign_in_off" } });
    expect(await db.userSession.count({ where: { userId: owner.id } })).toBe(0);
  });
});
