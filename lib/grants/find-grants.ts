import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { decideAccountAccess, type AccountFacts } from "@/lib/service-accounts/access";

export type GrantRow = { type: string; resource: string; role: string; archived: boolean };

/** An account's grants, by type and resource name. `archived`: the resource is archived, so it grants nothing. */
export async function grantsOf(client: Tx | typeof db, serviceAccountId: string): Promise<GrantRow[]> {
  const grants = await client.resourceGrant.findMany({
    where: { serviceAccountId },
    select: { role: true, resource: { select: { name: true, archivedAt: true, type: { select: { name: true } } } } },
  });
  return grants
    .map((g) => ({ type: g.resource.type.name, resource: g.resource.name, role: g.role, archived: g.resource.archivedAt !== null }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.resource.localeCompare(b.resource));
}

/**
 * The detail page's Access section: the grants (the page already applied the read rule), whether the actor may
 * change them (the one access rule), and, if so, what can be granted: types with their roles and live resources.
 */
export async function findAccountAccess(actor: Actor, account: AccountFacts) {
  const canChange = decideAccountAccess(actor, account, { action: "set_grants" }).allowed;
  const [grants, types] = await Promise.all([
    grantsOf(db, account.id),
    canChange
      ? db.resourceType.findMany({
          orderBy: { name: "asc" },
          select: { name: true, roles: true, resources: { where: { archivedAt: null }, orderBy: { name: "asc" }, select: { name: true } } },
        })
      : [],
  ]);
  return { grants, canChange, types: types.map((t) => ({ name: t.name, roles: t.roles, resources: t.resources.map((r) => r.name) })) };
}
export type AccountAccess = Awaited<ReturnType<typeof findAccountAccess>>;
