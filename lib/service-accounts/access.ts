import { principalUserId, type Actor } from "@/lib/auth/actor";
import { canGrantRole, hasPermission } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { forbiddenError, notFoundError } from "@/lib/errors";

// Which service accounts an actor may see and manage, from the permission map: *_all reaches every account,
// *_own only those the actor owns. Reads put the rule in the query's where; writes load, then check.

export function readableServiceAccounts(actor: Actor): Prisma.ServiceAccountWhereInput {
  return hasPermission(actor.role, "service_accounts.read_all") ? {} : { ownerId: principalUserId(actor) };
}

export function canManageServiceAccount(actor: Actor, account: { ownerId: string }): boolean {
  if (hasPermission(actor.role, "service_accounts.manage_all")) return true;
  return hasPermission(actor.role, "service_accounts.manage_own") && account.ownerId === principalUserId(actor);
}

/** The ids among `rows` the actor may manage: which rows get the actions menu. */
export function manageableIds(actor: Actor, rows: readonly { id: string; owner: { id: string } }[]): string[] {
  return rows.filter((row) => canManageServiceAccount(actor, { ownerId: row.owner.id })).map((row) => row.id);
}

/** Not found when the actor may not even see it (no oracle for ids), forbidden when they see but may not change. */
export function assertCanManage(actor: Actor, account: { ownerId: string } | null): asserts account is { ownerId: string } {
  const visible = account && (hasPermission(actor.role, "service_accounts.read_all") || account.ownerId === principalUserId(actor));
  if (!account || !visible) throw notFoundError("Service account not found.");
  if (!canManageServiceAccount(actor, account)) throw forbiddenError("You cannot manage this service account.");
}

export function assertCanGrant(actor: Actor, role: ServiceAccountRole) {
  if (!canGrantRole(actor.role, role)) throw forbiddenError(`You cannot grant the ${role} role.`, { role: ["You cannot grant this role"] });
}

/** Assigning an account to someone else needs the right to manage every account (ADMIN and OWNER). */
export function assertCanAssignOwner(actor: Actor, ownerId: string) {
  if (ownerId !== principalUserId(actor) && !hasPermission(actor.role, "service_accounts.manage_all")) {
    throw forbiddenError("You can only create service accounts that you own.", { ownerId: ["You can only pick yourself"] });
  }
}
