import { describe, expect, it } from "vitest";
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
    const [failed] = await eventsFor(user.id);
    expect(failed).toMatchObject({ action: "user.sign_in_failed", result: "FAILURE", metadata: { reason: "wrong_password" } });
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
});
