import { AppError, forbiddenError } from "@/lib/errors";
import type { Actor } from "./actor";
import { hasPermission, type Permission } from "./permissions";
import { holdsScope, PERMISSION_SCOPES, type BuiltInScope } from "./scopes";

/**
 * The one guard: the actor, if their role holds the permission and (for a token with scopes) the token carries
 * the scope the operation needs (by default the permission's, lib/auth/scopes.ts); otherwise an expected error.
 */
export function authorize(actor: Actor | null, permission: Permission | null, scope: BuiltInScope | null = permission && PERMISSION_SCOPES[permission]): Actor {
  if (!actor) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
  if (permission && !hasPermission(actor.role, permission)) throw forbiddenError();
  if (!holdsScope(actor, scope)) throw insufficientScopeError(scope!);
  return actor;
}

export function insufficientScopeError(scope: BuiltInScope): AppError {
  const error = new AppError("insufficient_scope", `This token lacks the ${scope} scope.`);
  error.refusal = { reason: "insufficient_scope" };
  error.scope = scope;
  return error;
}
