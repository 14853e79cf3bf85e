import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { emailSchema } from "@/lib/users/schemas";
import { userDisplayName } from "./actor";
import { SESSION_MAX_AGE_SECONDS } from "./session-settings";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { clearFailedSignIns, recordFailedSignIn, signInLockedFor } from "./sign-in-limiter";

export type SignInOutcome =
  | { ok: true; user: { id: string; name: string; email: string; sessionId: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/**
 * Checks an email and password. Unknown email, wrong password and disabled user all answer "invalid" after
 * the same argon2 work, so the answer does not tell which accounts exist. Failures count per email and IP.
 */
export async function signInWithPassword(rawEmail: string, password: string, meta: RequestMeta): Promise<SignInOutcome> {
  const email = emailSchema.safeParse(rawEmail).data ?? rawEmail.trim().toLowerCase().slice(0, 254);

  const lockedFor = await signInLockedFor(email, meta.ip);
  if (lockedFor > 0) {
    await recordFailure(email, meta, "locked_out");
    return { ok: false, reason: "locked", retryAfterSeconds: lockedFor };
  }

  const user = await db.user.findUnique({ where: { email } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid || user.status !== "ACTIVE") {
    await recordFailure(email, meta, !user ? "unknown_email" : !valid ? "wrong_password" : "disabled", user ?? undefined);
    await recordFailedSignIn(email, meta.ip);
    return { ok: false, reason: "invalid" };
  }

  await clearFailedSignIns(email, meta.ip);
  const session = await db.$transaction(async (tx) => {
    const now = new Date();
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    const created = await tx.userSession.create({
      data: { userId: user.id, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000), ip: meta.ip, userAgent: meta.userAgent },
    });
    const party = { type: "USER" as const, id: user.id, name: userDisplayName(user) };
    await audit(tx, meta, { action: "user.signed_in", actor: party, target: { ...party, type: "user" }, metadata: { sessionId: created.id } });
    return created;
  });
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionId: session.id } };
}

async function recordFailure(email: string, meta: RequestMeta, reason: string, user?: { id: string; name: string; email: string }) {
  await db.$transaction((tx) =>
    audit(tx, meta, {
      action: "user.sign_in_failed",
      actor: { type: "ANONYMOUS", name: email },
      target: user ? { type: "user", id: user.id, name: userDisplayName(user) } : undefined,
      result: "FAILURE",
      metadata: { email, reason },
    }),
  );
}
