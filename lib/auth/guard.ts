import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { UserActor } from "./actor";
import { auth } from "./auth";
import { authorize } from "./authorize";
import { signInPath } from "./callback-url";
import { REQUEST_PATH_HEADER } from "@/lib/http/header-names";
import { hasPermission, type Permission } from "./permissions";
import { recordRefusedVisit } from "./record-refused-visit";

/**
 * The signed-in user as the database sees them now: a revoked session (signed out, user disabled), a disabled
 * user or a changed role takes effect on the very next request, whatever the cookie says. Once per request.
 */
export const currentActor = cache(async (): Promise<UserActor | null> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  if (!sessionId || !session.user?.id) return null;
  const live = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { revokedAt: true, expiresAt: true, user: { select: { id: true, name: true, email: true, role: true, status: true } } },
  });
  if (!live || live.revokedAt || live.expiresAt <= new Date()) return null;
  const { user } = live;
  if (user.id !== session.user.id || user.status !== "ACTIVE") return null;
  return { type: "USER", id: user.id, name: user.name, email: user.email, role: user.role };
});

/** The session the current request's cookie names (for sign-out). */
export async function currentSessionId(): Promise<string | null> {
  return (await auth())?.sessionId ?? null;
}

export { authorize };

/** The guard for pages: no session → sign-in page (and back here after); missing permission → 403 page. */
export async function requirePageActor(permission: Permission | null = null): Promise<UserActor> {
  const actor = await currentActor();
  if (!actor) redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER)));
  if (permission && !hasPermission(actor.role, permission)) {
    await recordRefusedVisit(actor, permission, "console.page");
    forbidden();
  }
  return actor;
}
