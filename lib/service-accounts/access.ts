import { principalUserId, type Actor } from "@/lib/auth/actor";
import { insufficientScopeError } from "@/lib/auth/authorize";
import { canGrantRole, hasPermission } from "@/lib/auth/permissions";
import { holdsScope, type BuiltInScope } from "@/lib/auth/scopes";
import type { Prisma } from "@/lib/db/client";
import type { Role, ServiceAccountRole } from "@/lib/db/generated/enums";
import { AppError, forbiddenError, notFoundError } from "@/lib/errors";

// The one access rule for service accounts. Every path that reads or changes an account (server actions, API
// routes, pages, jobs) loads the facts, then asks decideAccountAccess: a pure function, so the whole matrix of
// actor role × operation × account role × ownership is tested in milliseconds (access.test.ts), and its reasons
// feed the error the caller sees and the refusal the audit trail records.
//
// An actor may act on an account only if it may manage accounts of that owner (*_all, or *_own and the
// owner is the actor or, for a token, the token's owner) AND could grant the account's role itself. A service
// account acting through the API is held to its own role the same way: a CONTRIBUTOR token can never act on
// an ADMIN, AUDITOR or INTROSPECTOR account, even one of its own owner's. A token with scopes is further held to
// them (role ∩ scopes, lib/auth/scopes.ts): reading needs service_accounts:read, changing an account
// service_accounts:write, acting on its tokens tokens:write. Giving scopes to a token (adding or rotating one)
// gives no more than the actor holds: a token with scopes only scopes it holds itself and never full access, and
// a custom scope only by an actor whose role reaches the scope's minimum role (OWNER > ADMIN > CONTRIBUTOR).

/** The facts about the account that the rule reads. */
export type AccountFacts = { id: string; name: string; ownerId: string; role: ServiceAccountRole };

export type AccountRequest =
  /** See it (detail page, API detail). */
  | { action: "read" }
  /** Create an account with this role and owner. */
  | { action: "create"; role: ServiceAccountRole; ownerId: string }
  /**
   * Update, regenerate, revoke, delete; `change` is what an update would set. `scope`: what a token needs for it
   * (service_accounts:write unless said otherwise; token operations say tokens:write).
   */
  | { action: "manage"; change?: { role?: ServiceAccountRole; ownerId?: string }; scope?: BuiltInScope; give?: ScopeGift }
  /**
   * Change the account's resource grants (lib/grants): managing the account as above, and access.manage (ADMIN+),
   * since a grant reaches into other services. Reading them is "read".
   */
  | { action: "set_grants" }
  /**
   * A token revoking itself (RFC 7009): allowed whatever its role, since whoever holds it could stop using it
   * anyway, and a leaked token should be killable by whoever finds it. Only its own account's.
   */
  | { action: "revoke_self" };

/**
 * The scopes a new or rotated token will carry (`scopes` null: full access of the role), with the minimum role
 * of each custom scope among them (loaded from the Scope table first; built-in scopes have none).
 */
export type ScopeGift = { scopes: readonly string[] | null; minimumRoles: Readonly<Record<string, Role>> };

/** How far a role reaches for a custom scope's minimum role; a token ranks as its account's role. */
const GRANT_RANK: Record<string, number> = { OWNER: 3, ADMIN: 2, CONTRIBUTOR: 1 };
const rank = (role: string) => GRANT_RANK[role] ?? 0;
/** Whether an actor with this role may give a custom scope with this minimum role (the console offers only those). */
export const reachesMinimumRole = (actorRole: string, minimumRole: string) => rank(actorRole) >= rank(minimumRole);

export type RefusalReason =
  /** The role lacks the permission altogether (e.g. VIEWER managing anything). */
  | "missing_permission"
  /** Someone else's account that the actor may not even see: answered as not found (no oracle for ids). */
  | "not_visible"
  /** Someone else's account that the actor sees but may not change. */
  | "not_owner"
  /** The account's role (or the role asked for) is above what the actor could grant. */
  | "role_ceiling"
  /** Giving the account to another owner needs the right to manage every account. */
  | "owner_assignment"
  /** The role allows it, the token's scopes do not. */
  | "insufficient_scope"
  /** The token would get a scope (or full access) the actor does not hold or may not give. */
  | "scope_ceiling";

export type AccessDecision =
  | { allowed: true }
  | { allowed: false; reason: RefusalReason; message: string; field?: DecisionField; scope?: BuiltInScope };

type DecisionField = "role" | "ownerId" | "scopes";
const ALLOWED: AccessDecision = { allowed: true };

const refuse = (reason: RefusalReason, message: string, field?: DecisionField): AccessDecision => ({ allowed: false, reason, message, field });
const lacksScope = (scope: BuiltInScope): AccessDecision => ({ allowed: false, reason: "insufficient_scope", message: `This token lacks the ${scope} scope.`, scope });

const canSee = (actor: Actor, ownerId: string) =>
  hasPermission(actor.role, "service_accounts.read_all") ||
  (hasPermission(actor.role, "service_accounts.read_own") && ownerId === principalUserId(actor));

const mayManageOwner = (actor: Actor, ownerId: string) =>
  hasPermission(actor.role, "service_accounts.manage_all") ||
  (hasPermission(actor.role, "service_accounts.manage_own") && ownerId === principalUserId(actor));

/** The decision, with no database access: `account` is null only for create. */
export function decideAccountAccess(actor: Actor, account: AccountFacts | null, request: AccountRequest): AccessDecision {
  if (request.action === "create") {
    if (!hasPermission(actor.role, "service_accounts.create")) return refuse("missing_permission", "Your role may not create service accounts.");
    if (!holdsScope(actor, "service_accounts:write")) return lacksScope("service_accounts:write");
    if (!canGrantRole(actor.role, request.role)) return refuse("role_ceiling", `You cannot grant the ${request.role} role.`, "role");
    if (!mayManageOwner(actor, request.ownerId)) return refuse("owner_assignment", "You can only create service accounts that you own.", "ownerId");
    return ALLOWED;
  }
  if (request.action === "revoke_self") {
    return account && actor.type === "SERVICE_ACCOUNT" && actor.id === account.id ? ALLOWED : refuse("not_visible", "Token not found.");
  }
  if (!account || !canSee(actor, account.ownerId)) return refuse("not_visible", "Service account not found.");
  if (!holdsScope(actor, "service_accounts:read")) return lacksScope("service_accounts:read");
  if (request.action === "read") return ALLOWED;
  if (!hasPermission(actor.role, "service_accounts.manage_own")) return refuse("missing_permission", "Your role may not change service accounts.");
  if (request.action === "set_grants" && !hasPermission(actor.role, "access.manage")) return refuse("missing_permission", "Only an admin can change resource grants.");
  const scope = (request.action === "manage" && request.scope) || "service_accounts:write";
  if (!holdsScope(actor, scope)) return lacksScope(scope);
  if (!mayManageOwner(actor, account.ownerId)) return refuse("not_owner", "You cannot manage this service account.");
  if (!canGrantRole(actor.role, account.role)) return refuse("role_ceiling", `You cannot manage a service account with the ${account.role} role.`);
  const { role, ownerId } = (request.action === "manage" && request.change) || {};
  if (role && !canGrantRole(actor.role, role)) return refuse("role_ceiling", `You cannot grant the ${role} role.`, "role");
  if (ownerId && ownerId !== account.ownerId && !hasPermission(actor.role, "service_accounts.manage_all")) {
    return refuse("owner_assignment", "Only an admin can give a service account to someone else.", "ownerId");
  }
  return request.action === "manage" && request.give ? decideScopeGift(actor, request.give) : ALLOWED;
}

/** The giving half: never more than the actor holds. */
function decideScopeGift(actor: Actor, { scopes, minimumRoles }: ScopeGift): AccessDecision {
  const actorScopes = actor.type === "SERVICE_ACCOUNT" ? actor.scopes : null;
  if (actorScopes && scopes === null) return refuse("scope_ceiling", "A token with scopes cannot give full access.", "scopes");
  for (const scope of scopes ?? []) {
    if (actorScopes && !actorScopes.includes(scope)) return refuse("scope_ceiling", `This token cannot give the ${scope} scope: it does not hold it.`, "scopes");
    const minimum = minimumRoles[scope];
    if (minimum && !reachesMinimumRole(actor.role, minimum)) return refuse("scope_ceiling", `Giving the ${scope} scope needs the ${minimum} role.`, "scopes");
  }
  return ALLOWED;
}

/**
 * The decision as an error: not found when the actor may not see the account, forbidden otherwise. The error
 * carries the refusal (reason and target) for the audit trail.
 */
export function assertAccountAccess(actor: Actor, account: AccountFacts | null, request: AccountRequest): asserts account is AccountFacts {
  const decision = decideAccountAccess(actor, account, request);
  if (decision.allowed) return;
  const error: AppError =
    decision.reason === "not_visible"
      ? notFoundError(decision.message)
      : decision.scope
        ? insufficientScopeError(decision.scope)
        : forbiddenError(decision.message, decision.field ? { [decision.field]: [fieldMessage(decision)] } : undefined);
  error.refusal = { reason: decision.reason, target: account ? { type: "service_account", id: account.id, name: account.name } : undefined };
  throw error;
}

function fieldMessage(decision: Extract<AccessDecision, { allowed: false }>): string {
  if (decision.field === "scopes") return decision.message;
  return decision.field === "role" ? "You cannot grant this role" : "You can only pick yourself";
}

export const canManageAccount = (actor: Actor, account: AccountFacts) => decideAccountAccess(actor, account, { action: "manage" }).allowed;

/** Reads put the visibility half of the rule in the query's where. */
export function readableServiceAccounts(actor: Actor): Prisma.ServiceAccountWhereInput {
  if (hasPermission(actor.role, "service_accounts.read_all")) return {};
  if (hasPermission(actor.role, "service_accounts.read_own")) return { ownerId: principalUserId(actor) };
  return { id: { in: [] } };
}

/** The ids among `rows` the actor may manage: which rows get the actions menu. */
export function manageableIds(actor: Actor, rows: readonly { id: string; name: string; role: ServiceAccountRole; owner: { id: string } }[]): string[] {
  return rows.filter((row) => canManageAccount(actor, { ...row, ownerId: row.owner.id })).map((row) => row.id);
}
