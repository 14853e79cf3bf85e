import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { conflictError, notFoundError } from "@/lib/errors";
import { tokensChanged, ALL_ACCOUNTS } from "@/lib/tokens/token-events";
import { resourceTypeTarget } from "./create-resource-type";
import type { updateResourceTypeSchema } from "./schemas";

/**
 * The type's roles: add, reorder, remove. Removing a role that some grant uses is refused (409 on `roles`): roles
 * are what grants and other services' checks name, so they are never renamed or dropped under a grant. The type's
 * row lock makes a concurrent grant (which reads the type FOR SHARE, lib/grants) wait or see the new roles.
 */
export async function updateResourceType(input: z.output<typeof updateResourceTypeSchema>, { actor, meta }: ActionContext) {
  const result = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ResourceType" WHERE id = ${input.id}::uuid FOR UPDATE`;
    const before = locked && (await tx.resourceType.findUnique({ where: { id: input.id } }));
    if (!before) throw notFoundError("Resource type not found.");
    const removed = before.roles.filter((role) => !input.roles.includes(role));
    if (removed.length) {
      const inUse = await tx.resourceGrant.findMany({ where: { role: { in: removed }, resource: { typeId: before.id } }, distinct: ["role"], select: { role: true } });
      if (inUse.length) {
        const names = inUse.map((g) => g.role).join(", ");
        throw conflictError(`Still granted: ${names}. Change or remove those grants first.`, { roles: [`Still granted, cannot be removed: ${names}`] });
      }
    }
    if (before.roles.join() === input.roles.join()) return { id: before.id, changed: false };
    const after = await tx.resourceType.update({ where: { id: before.id }, data: { roles: input.roles } });
    await audit(tx, meta, { action: "resource_type.updated", actor: actorParty(actor), target: resourceTypeTarget(after), metadata: { before: { roles: before.roles }, after: { roles: after.roles } } });
    return { id: after.id, changed: true };
  });
  // Cached token lookups carry grants with their roles; the trigger bumped the epoch, this evicts this instance's.
  if (result.changed) await tokensChanged(ALL_ACCOUNTS);
  return { id: result.id };
}
