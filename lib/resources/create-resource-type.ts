import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflictError } from "@/lib/errors";
import type { createResourceTypeSchema } from "./schemas";

export const resourceTypeTarget = (type: { id: string; name: string }) => ({ type: "resource_type", id: type.id, name: type.name });

export async function createResourceType(input: z.output<typeof createResourceTypeSchema>, { actor, meta }: ActionContext) {
  try {
    return await db.$transaction(async (tx) => {
      const type = await tx.resourceType.create({ data: { name: input.name, roles: input.roles } });
      await audit(tx, meta, { action: "resource_type.created", actor: actorParty(actor), target: resourceTypeTarget(type), metadata: { after: { name: type.name, roles: type.roles } } });
      return { id: type.id, name: type.name, roles: type.roles };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflictError("A resource type with this name already exists.", { name: ["A resource type with this name already exists"] });
    throw error;
  }
}
