import { principalUserId, type Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";
import { readableServiceAccounts } from "@/lib/service-accounts/access";

// The home page looks at the accounts the signed-in user owns, or, for roles that read every account (ADMIN,
// OWNER, AUDITOR: service_accounts.read_all), at the whole organisation.
export const HOME_SCOPES = ["mine", "all"] as const;
export type HomeScope = (typeof HOME_SCOPES)[number];

export const seesOrganisation = (actor: Actor) => hasPermission(actor.role, "service_accounts.read_all");

/** The scope asked for, if the actor may have it: anyone else gets their own accounts. */
export function homeScopeOf(actor: Actor, asked: unknown): HomeScope {
  return asked === "all" && seesOrganisation(actor) ? "all" : "mine";
}

/** The accounts in scope, always within what the access rule lets the actor read. */
export function homeAccountsWhere(actor: Actor, scope: HomeScope): Prisma.ServiceAccountWhereInput {
  const readable = readableServiceAccounts(actor);
  return scope === "all" ? readable : { AND: [readable, { ownerId: principalUserId(actor) }] };
}

/** The list a count links to: My tokens for one's own accounts, API Tokens for the organisation's. */
export const listHrefOf = (scope: HomeScope) => (scope === "all" ? "/admin/api-tokens" : "/tokens");
