import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import type { UserActor } from "./actor";
import { auth } from "./auth";
import { authorize } from "./authorize";
import { hasPermission, type Permission } from "./permissions";

/**
 * The signed-in user as the database sees them now: a disabled user, a bumped session version or a changed
 * role takes effect on the very next request, whatever the cookie says. Once per request.
 */
export const currentActor = cache(async (): Promise<UserActor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, status: true, sessionVersion: true },
  });
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return { type: "USER", id: user.id, name: user.name, email: user.email, role: user.role };
});

export { authorize };

/** The guard for pages: no session → sign-in page; missing permission → 403 page. */
export async function requirePageActor(permission: Permission | null = null): Promise<UserActor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  if (permission && !hasPermission(actor.role, permission)) forbidden();
  return actor;
}
