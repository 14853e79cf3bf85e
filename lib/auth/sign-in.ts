import { audit } from "@/lib/audit/audit";
import { recordRefusal } from "@/lib/audit/refusals";
import { env } from "@/lib/config/env";
import type { PasswordLoginMode } from "@/lib/config/sso-env";
import { db, type Tx } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { emailSchema } from "@/lib/users/schemas";
import { userDisplayName } from "./actor";
import { SESSION_MAX_AGE_SECONDS } from "./session-settings";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { clearFailedSignIns, recordFailedSignIn, signInLockedFor } from "./sign-in-limiter";
import { passwordSignInAllowed } from "./sso/sso-config";

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; email: string; sessionId: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/**
 * Checks an email and password. Unknown email, wrong password and disabled user all answer "invalid" after
 * the same argon2 work, so the answer does not tell which accounts exist. Failures count per email and IP.
 * `mode` (KEYHOLD_PASSWORD_LOGIN): under `owners` anyone else is refused as if the password were wrong; `off`
 * refuses everyone.
 */
export async function signInWithPassword(
  rawEmail: string,
  password: string,
  meta: RequestMeta,
  mode: PasswordLoginMode = env().KEYHOLD_PASSWORD_LOGIN,
): Promise<SignInOutcome> {
  // Only a well-formed email is ever recorded: a password typed into the email field must not reach the log.
  const validEmail = emailSchema.safeParse(rawEmail).data;
  const email = validEmail ?? rawEmail.trim().toLowerCase();
  if (mode === "off") {
    recordSignInFailure(validEmail, meta, "password_sign_in_off");
    return { ok: false, reason: "invalid" };
  }

  const lockedFor = await signInLockedFor(email, meta.ip);
  if (lockedFor > 0) {
    recordSignInFailure(validEmail, meta, "locked_out");
    return { ok: false, reason: "locked", retryAfterSeconds: lockedFor };
  }

  const user = validEmail ? await db.user.findUnique({ where: { email: validEmail } }) : null;
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  const allowed = user ? passwordSignInAllowed(mode, user.role) : false;
  if (!user || !valid || user.status !== "ACTIVE" || !allowed) {
    const reason = !validEmail ? "invalid_email" : !user ? "unknown_email" : !valid ? "wrong_password" : user.status !== "ACTIVE" ? "disabled" : "password_sign_in_owners_only";
    recordSignInFailure(validEmail, meta, reason, user ?? undefined);
    await recordFailedSignIn(email, meta.ip);
    return { ok: false, reason: "invalid" };
  }

  await clearFailedSignIns(email, meta.ip);
  const sessionId = await db.$transaction((tx) => openSession(tx, user, meta, "password"));
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionId } };
}

/**
 * A sign-in that succeeded, by any method: the UserSession row the cookie will name (lib/auth/guard.ts checks it
 * on every request), the time of the sign-in, and its audit event, in the caller's transaction. Returns the session id.
 */
export async function openSession(tx: Tx, user: { id: string; name: string; email: string }, meta: RequestMeta, method: "password" | "sso"): Promise<string> {
  const now = new Date();
  await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  const created = await tx.userSession.create({
    data: { userId: user.id, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000), ip: meta.ip, userAgent: meta.userAgent },
  });
  const party = { type: "USER" as const, id: user.id, name: userDisplayName(user) };
  await audit(tx, meta, { action: "user.signed_in", actor: party, target: { ...party, type: "user" }, metadata: { sessionId: created.id, method } });
  return created.id;
}

/**
 * A failed sign-in is a refusal like any other: aggregated per (client address, reason, user) and window
 * (lib/audit/refusals.ts), so neither a lock-out hammered nor an attacker cycling through emails costs an
 * audit write per attempt. The submitted emails are kept (up to 20 per aggregate) when they are valid.
 */
export function recordSignInFailure(email: string | undefined, meta: RequestMeta, reason: string, user?: { id: string; name: string; email: string }) {
  recordRefusal({
    action: "user.sign_in_failed",
    who: `ip:${meta.ip ?? "unknown"}`,
    reason,
    subject: "sign-in",
    actor: { type: "ANONYMOUS", name: email ?? "invalid" },
    target: user ? { type: "user", id: user.id, name: userDisplayName(user) } : undefined,
    result: "FAILURE",
    meta,
    details: { email: email ?? null },
  });
}
