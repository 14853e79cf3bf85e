import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { assertAccountAccess } from "@/lib/service-accounts/access";
import { lockAccount } from "@/lib/service-accounts/lock-account";
import { accountTarget } from "@/lib/service-accounts/owner";
import { tokensChanged } from "@/lib/tokens/token-events";
import { grantsOf } from "./find-grants";
import { grantKey, resolveGrants, type FieldKey } from "./resolve-grants";
import type { GrantInput, putGrantSchema, removeGrantSchema, setGrantsSchema } from "./schemas";

type Current = { type: string; resource: string; role: string; resourceId: string };
type Plan = { grants: GrantInput[]; key: FieldKey };

const listKey: FieldKey = (index, field) => `grants.${index}.${field}`;
const sameResource = (a: { type: string; resource: string }, b: { type: string; resource: string }) => a.type === b.type && a.resource === b.resource;
const describe = (grants: readonly GrantInput[]) => grants.map(({ type, resource, role }) => ({ type, resource, role }));

/**
 * Every change to an account's grants: under the account's lock, through the one access rule (set_grants: may
 * manage this owner's accounts, could grant the account's role, ADMIN+, and a token needs service_accounts:write),
 * validated, written, and audited with before and after in the same transaction. Then every instance forgets the
 * account's cached token lookups before this answers. Returns the account's grants as they now are.
 */
async function changeGrants(serviceAccountId: string, { actor, meta }: ActionContext, plan: (current: Current[]) => Plan) {
  const result = await db.$transaction(async (tx) => {
    await lockAccount(tx, serviceAccountId);
    const account = await tx.serviceAccount.findUnique({ where: { id: serviceAccountId }, select: { id: true, name: true, ownerId: true, role: true } });
    assertAccountAccess(actor, account, { action: "set_grants" });
    const rows = await tx.resourceGrant.findMany({
      where: { serviceAccountId },
      select: { role: true, resourceId: true, resource: { select: { name: true, type: { select: { name: true } } } } },
    });
    const current = rows.map((r) => ({ type: r.resource.type.name, resource: r.resource.name, role: r.role, resourceId: r.resourceId }));
    const { grants, key } = plan(current);
    const wanted = await resolveGrants(tx, grants, new Set(current.map((g) => grantKey(g.resourceId, g.role))), key);
    const removed = current.filter((g) => !wanted.some((w) => w.resourceId === g.resourceId));
    const added = wanted.filter((w) => !current.some((g) => g.resourceId === w.resourceId));
    const changed = wanted.filter((w) => current.some((g) => g.resourceId === w.resourceId && g.role !== w.role));
    if (!removed.length && !added.length && !changed.length) return { grants: await grantsOf(tx, serviceAccountId), changed: false };
    await tx.resourceGrant.deleteMany({ where: { serviceAccountId, resourceId: { in: removed.map((g) => g.resourceId) } } });
    await tx.resourceGrant.createMany({ data: added.map((g) => ({ serviceAccountId, resourceId: g.resourceId, role: g.role, createdById: actor.id })) });
    for (const g of changed) await tx.resourceGrant.update({ where: { serviceAccountId_resourceId: { serviceAccountId, resourceId: g.resourceId } }, data: { role: g.role } });
    const after = await grantsOf(tx, serviceAccountId);
    await audit(tx, meta, {
      action: "service_account.grants_changed",
      actor: actorParty(actor),
      target: accountTarget(account),
      metadata: { before: describe(sorted(current)), after: describe(after) },
    });
    return { grants: after, changed: true };
  });
  if (result.changed) await tokensChanged(serviceAccountId);
  return { grants: result.grants };
}

const sorted = (current: Current[]) => [...current].sort((a, b) => a.type.localeCompare(b.type) || a.resource.localeCompare(b.resource));

/** Replace the account's grants with exactly these (PUT /api/v1/service-accounts/{id}/grants). */
export const setGrants = (input: z.output<typeof setGrantsSchema>, context: ActionContext) =>
  changeGrants(input.serviceAccountId, context, () => ({ grants: input.grants, key: listKey }));

/** Give the account a role on one resource, or change the role it has there (the console's Access section). */
export const putGrant = ({ serviceAccountId, ...grant }: z.output<typeof putGrantSchema>, context: ActionContext) =>
  changeGrants(serviceAccountId, context, (current) => {
    const others = current.filter((g) => !sameResource(g, grant));
    return { grants: [...others, grant], key: (index, field) => (index === others.length ? field : listKey(index, field)) };
  });

/** Take the account's role on one resource away. */
export const removeGrant = ({ serviceAccountId, ...resource }: z.output<typeof removeGrantSchema>, context: ActionContext) =>
  changeGrants(serviceAccountId, context, (current) => ({ grants: current.filter((g) => !sameResource(g, resource)), key: listKey }));
