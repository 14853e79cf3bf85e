import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflictError, notFoundError, validationError } from "@/lib/errors";
import { tokensChanged, ALL_ACCOUNTS } from "@/lib/tokens/token-events";
import type { createResourceSchema, setResourceArchivedSchema } from "./schemas";

const resourceTarget = (resource: { id: string; name: string }, type: string) => ({ type: "resource", id: resource.id, name: `${type}/${resource.name}` });

/** A resource of a type; its name is unique within the type. */
export async function createResource(input: z.output<typeof createResourceSchema>, { actor, meta }: ActionContext) {
  try {
    return await db.$transaction(async (tx) => {
      const type = await tx.resourceType.findUnique({ where: { name: input.type } });
      if (!type) throw validationError({ type: ["No resource type with this name"] });
      const resource = await tx.resource.create({ data: { typeId: type.id, name: input.name } });
      await audit(tx, meta, { action: "resource.created", actor: actorParty(actor), target: resourceTarget(resource, type.name), metadata: { after: { type: type.name, name: resource.name } } });
      return { id: resource.id, type: type.name, name: resource.name, archived: false };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflictError(`This type already has a resource named ${input.name}.`, { name: ["This type already has a resource with this name"] });
    throw error;
  }
}

/**
 * Archive: the resource can get no new grants, and its existing grants grant nothing (the token lookup leaves
 * archived resources out) until it is unarchived. The grants are kept, so unarchiving restores them.
 */
export async function setResourceArchived(input: z.output<typeof setResourceArchivedSchema>, { actor, meta }: ActionContext) {
  const result = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Resource" WHERE id = ${input.id}::uuid FOR UPDATE`;
    const before = locked && (await tx.resource.findUnique({ where: { id: input.id }, include: { type: { select: { name: true } } } }));
    if (!before) throw notFoundError("Resource not found.");
    if ((before.archivedAt !== null) === input.archived) return { id: before.id, changed: false };
    await tx.resource.update({ where: { id: before.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await audit(tx, meta, { action: input.archived ? "resource.archived" : "resource.unarchived", actor: actorParty(actor), target: resourceTarget(before, before.type.name) });
    return { id: before.id, changed: true };
  });
  if (result.changed) await tokensChanged(ALL_ACCOUNTS);
  return { id: result.id };
}
