import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflictError } from "@/lib/errors";
import type { createScopeSchema } from "./schemas";

export const scopeTarget = (scope: { id: string; name: string }) => ({ type: "scope", id: scope.id, name: scope.name });
export const scopeFields = (scope: { name: string; description: string; minimumRole: string; archivedAt: Date | null }) => ({
  name: scope.name,
  description: scope.description,
  minimumRole: scope.minimumRole,
  archived: scope.archivedAt !== null,
});

/** A new custom scope; its name is unique (the unique index decides, so two admins racing get one each way). */
export async function createScope(input: z.output<typeof createScopeSchema>, { actor, meta }: ActionContext) {
  try {
    return await db.$transaction(async (tx) => {
      const scope = await tx.scope.create({ data: { ...input, createdById: actor.id } });
      await audit(tx, meta, { action: "scope.created", actor: actorParty(actor), target: scopeTarget(scope), metadata: { after: scopeFields(scope) } });
      return { id: scope.id, ...scopeFields(scope) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflictError("A scope with this name already exists.", { name: ["A scope with this name already exists"] });
    throw error;
  }
}
