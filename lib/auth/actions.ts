"use server";
import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import type { ActionResult } from "@/lib/errors";
import { requestMeta } from "@/lib/http/request-context";
import { emailSchema } from "@/lib/users/schemas";
import { actorParty, userDisplayName } from "./actor";
import { landingPath, safeCallbackPath } from "./callback-url";
import { signIn, signOut } from "./auth";
import { currentActor, currentSessionId } from "./guard";
import { signInSchema, type SignInInput } from "./schemas";

const INVALID = "Invalid email or password";

/**
 * The one action that needs no session (there is none yet). It is guarded by the sign-in rate limit
 * instead, inside authorize() (lib/auth/sign-in.ts), which also writes the audit events.
 */
export async function signInAction(input: SignInInput, callbackUrl?: string | null): Promise<ActionResult<never>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: { code: "validation", message: INVALID, fieldErrors: z.flattenError(parsed.error).fieldErrors } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const seconds = Number(/^locked:(\d+)$/.exec(error.code)?.[1]);
      if (seconds) return { ok: false, error: { code: "rate_limited", message: lockedMessage(seconds) } };
      return { ok: false, error: { code: "unauthenticated", message: INVALID } };
    }
    throw error;
  }
  // Back to the page asked for (a same-origin path only), else the role's landing page.
  const back = safeCallbackPath(callbackUrl);
  if (back) redirect(back);
  const user = await db.user.findUnique({ where: { email: emailSchema.parse(parsed.data.email) }, select: { role: true } });
  redirect(user ? landingPath(user.role) : "/");
}

function lockedMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  const at = new Date(Date.now() + seconds * 1000).toISOString().slice(11, 16);
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (at ${at} UTC).`;
}

/** Revokes this session (a copy of the cookie stops working too), audits it, and clears the cookie. */
export async function signOutAction(): Promise<void> {
  const [actor, sessionId] = await Promise.all([currentActor(), currentSessionId()]);
  if (actor && sessionId) {
    const meta = await requestMeta();
    const target = { type: "user", id: actor.id, name: userDisplayName(actor) };
    await db.$transaction(async (tx) => {
      await tx.userSession.updateMany({ where: { id: sessionId, userId: actor.id, revokedAt: null }, data: { revokedAt: new Date() } });
      await audit(tx, meta, { action: "user.signed_out", actor: actorParty(actor), target, metadata: { sessionId } });
    });
  }
  await signOut({ redirectTo: "/login" });
}
