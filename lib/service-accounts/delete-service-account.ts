import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { tokensChanged } from "@/lib/tokens/token-events";
import { assertAccountAccess } from "./access";
import { lockAccount } from "./lock-account";
import { accountTarget } from "./owner";
import type { deleteServiceAccountSchema } from "./schemas";

/** Deletes the account and (cascade) all its tokens, which stop working at once. The audit trail keeps the names. */
export async function deleteServiceAccount({ id }: z.output<typeof deleteServiceAccountSchema>, { actor, meta }: ActionContext) {
  const result = await db.$transaction(async (tx) => {
    await lockAccount(tx, id);
    const account = await tx.serviceAccount.findUnique({ where: { id }, include: { _count: { select: { tokens: true } } } });
    assertAccountAccess(actor, account, { action: "manage" });
    await tx.serviceAccount.delete({ where: { id } });
    await audit(tx, meta, {
      action: "service_account.deleted",
      actor: actorParty(actor),
      target: accountTarget(account),
      metadata: { before: { name: account.name, role: account.role, description: account.description }, tokensDeleted: account._count.tokens },
    });
    return { id };
  });
  await tokensChanged(id);
  return result;
}
