import type { Actor } from "@/lib/auth/actor";
import { BUILT_IN_SCOPE_DESCRIPTIONS, roleScopes } from "@/lib/auth/scopes";
import { db } from "@/lib/db/client";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { reachesMinimumRole } from "./access";

export type ScopeChoice = { name: string; description: string; custom: boolean };

/**
 * The scopes the Add token dialog offers for an account: the built-in scopes its role reaches, and the custom
 * scopes (not archived) whose minimum role the actor holds. The server checks the same again.
 */
export async function findScopeChoices(actor: Actor, accountRole: ServiceAccountRole): Promise<ScopeChoice[]> {
  const custom = await db.scope.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { name: true, description: true, minimumRole: true } });
  return [
    ...roleScopes(accountRole).map((name) => ({ name, description: BUILT_IN_SCOPE_DESCRIPTIONS[name], custom: false })),
    ...custom.filter((scope) => reachesMinimumRole(actor.role, scope.minimumRole)).map(({ name, description }) => ({ name, description, custom: true })),
  ];
}
