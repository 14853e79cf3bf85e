import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db, type Tx } from "@/lib/db/client";
import { notFoundError } from "@/lib/errors";
import { scopeFields, scopeTarget } from "./create-scope";
import type { setScopeArchivedSchema, updateScopeSchema } from "./schemas";

async function lockScope(tx: Tx, id: string) {
  const [scope] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Scope" WHERE id = ${id}::uuid FOR UPDATE`;
  const found = scope && (await tx.scope.findUnique({ where: { id } }));
  if (!found) throw notFoundError("Scope not found.");
  return found;
}

/** Description and minimum role (the name is immutable). Audited with before and after. */
export async function updateScope(input: z.output<typeof updateScopeSchema>, { actor, meta }: ActionContext) {
  return db.$transaction(async (tx) => {
    const before = await lockScope(tx, input.id);
    const after = await tx.scope.update({ where: { id: input.id }, data: { description: input.description, minimumRole: input.minimumRole } });
    await audit(tx, meta, { action: "scope.updated", actor: actorParty(actor), target: scopeTarget(after), metadata: { before: scopeFields(before), after: scopeFields(after) } });
    return { id: after.id };
  });
}

/**
 * Archive: no token can be given the scope any more; tokens that have it keep it (flagged in the console), so
 * nothing another service relies on breaks at once. Unarchive makes it available again.
 */
export async function setScopeArchived(input: z.output<typeof setScopeArchivedSchema>, { actor, meta }: ActionContext) {
  return db.$transaction(async (tx) => {
    const before = await lockScope(tx, input.id);
    if ((before.archivedAt !== null) === input.archived) return { id: before.id };
    const after = await tx.scope.update({ where: { id: input.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await audit(tx, meta, { action: input.archived ? "scope.archived" : "scope.unarchived", actor: actorParty(actor), target: scopeTarget(after) });
    return { id: after.id };
  });
}
