import "server-only";
import { NextResponse } from "next/server";
import type { UserActor } from "./actor";
import { currentActor } from "./guard";
import { hasPermission, type Permission } from "./permissions";
import { recordRefusedVisit } from "./record-refused-visit";

/** The guard for console route handlers (downloads): the actor, or the JSON error to answer with. */
export async function requireRouteActor(permission: Permission): Promise<UserActor | NextResponse> {
  const actor = await currentActor();
  if (!actor || !hasPermission(actor.role, permission)) await recordRefusedVisit(actor, permission, "console.download");
  if (!actor) return NextResponse.json({ error: { code: "unauthenticated", message: "Sign in first." } }, { status: 401 });
  if (!hasPermission(actor.role, permission)) {
    return NextResponse.json({ error: { code: "forbidden", message: "You do not have permission to do that." } }, { status: 403 });
  }
  return actor;
}
