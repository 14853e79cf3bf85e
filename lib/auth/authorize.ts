import { AppError, forbiddenError } from "@/lib/errors";
import type { Actor } from "./actor";
import { hasPermission, type Permission } from "./permissions";

/** The one guard: the actor, if they hold the permission; otherwise an expected error. */
export function authorize(actor: Actor | null, permission: Permission | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  if (permission && !hasPermission(actor.role, permission)) throw forbiddenError();
  return actor;
}
