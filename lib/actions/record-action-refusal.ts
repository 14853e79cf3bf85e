import { actorParty, type Actor } from "@/lib/auth/actor";
import { recordRefusal } from "@/lib/audit/refusals";
import type { Permission } from "@/lib/auth/permissions";
import type { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-context";

const STATUS: Partial<Record<AppError["code"], number>> = { unauthenticated: 401, forbidden: 403, insufficient_scope: 403, not_found: 404 };

/**
 * Records a refused action (console server action, or an operation behind the API) as an action.refused
 * aggregate: no session, a missing permission, or an access decision's no (AppError.refusal, e.g. a
 * CONTRIBUTOR granting ADMIN, or acting on another owner's account), with the account it was about as the
 * target, so attempted escalations are their own events. Other errors (validation, conflict) are not refusals.
 */
export function recordActionRefusal(
  definition: { permission: Permission; name: string },
  actor: Actor | null,
  meta: RequestMeta,
  error: AppError,
  authorized: boolean,
): void {
  const reason = error.refusal?.reason ?? (error.code === "unauthenticated" ? "unauthenticated" : error.code === "forbidden" ? (authorized ? "forbidden" : "missing_permission") : null);
  if (!reason) return;
  // Not the handler's function name: Next's production bundle minifies it.
  const name = definition.name;
  recordRefusal({
    action: "action.refused",
    who: !actor ? `ip:${meta.ip ?? "unknown"}` : actor.type === "USER" ? `user:${actor.id}` : `token:${actor.tokenId}`,
    reason,
    subject: name,
    actor: actor ? actorParty(actor) : { type: "ANONYMOUS" },
    target: error.refusal?.target,
    status: STATUS[error.code],
    meta,
    // A service account's refusals come through the API; a user's through the console.
    // The message says what was asked when there is no target yet (e.g. "You cannot grant the ADMIN role.").
    details: { action: name, permission: definition.permission, via: actor?.type === "SERVICE_ACCOUNT" ? "api" : "console", message: error.message },
  });
}
