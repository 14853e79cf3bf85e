import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { tokensChanged } from "@/lib/tokens/token-events";
import { assertAccountAccess } from "./access";
import { lockAccount } from "./lock-account";
import { accountTarget, loadActiveOwner } from "./owner";
import type { updateServiceAccountSchema } from "./schemas";

/** Edit service account: description, owner, role. Audited with before and after. */
export async function updateServiceAccount(input: z.output<typeof updateServiceAccountSchema>, { actor, meta }: ActionContext) {
  const result = await db.$transaction(async (tx) => {
    await lockAccount(tx, input.id);
    const account = await tx.serviceAccount.findUnique({ where: { id: input.id }, include: { owner: { select: { email: true } } } });
    assertAccountAccess(actor, account, { action: "manage", change: { role: input.role, ownerId: input.ownerId } });
    const owner = await loadActiveOwner(tx, input.ownerId);
    const updated = await tx.serviceAccount.update({
      where: { id: account.id },
      data: { description: input.description, role: input.role, ownerId: owner.id },
    });
    await audit(tx, meta, {
      action: "service_account.updated",
      actor: actorParty(actor),
      target: accountTarget(account),
      metadata: {
        before: { description: account.description, role: account.role, owner: account.owner.email },
        after: { description: updated.description, role: updated.role, owner: owner.email },
      },
    });
    return { id: updated.id, accessChanged: updated.role !== account.role || updated.ownerId !== account.ownerId };
  });
  // The role and the owner are part of every cached lookup of the account's tokens; the description is not.
  if (result.accessChanged) await tokensChanged(input.id);
  return { id: result.id };
}
