import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, userDisplayName } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import type { Tx } from "@/lib/db/client";
import { validationError } from "@/lib/errors";
import { assertAccountAccess } from "./access";
import { accountTarget, loadActiveOwner } from "./owner";

/**
 * Gives every account `from` owns to `toUserId`, inside the caller's transaction (the user's disable or role
 * change), each through the access rule and audited as service_account.reassigned with before and after.
 * It takes row locks, so call it before the caller's own audit() (no row lock may follow the chain lock).
 */
export async function reassignOwnedAccounts(tx: Tx, from: { id: string; name: string; email: string }, toUserId: string, { actor, meta }: ActionContext) {
  if (toUserId === from.id) throw validationError({ reassignTo: ["Choose someone else"] });
  const to = await loadActiveOwner(tx, toUserId).catch(() => {
    throw validationError({ reassignTo: ["Choose an active user"] });
  });
  // Row locks first, in id order (the order every account operation locks in), then the audit chain lock.
  const accounts = await tx.$queryRaw<{ id: string; name: string; role: "ADMIN" | "CONTRIBUTOR" | "VIEWER" | "AUDITOR" | "INTROSPECTOR"; ownerId: string }[]>`
    SELECT id::text, name, role::text AS role, "ownerId"::text AS "ownerId" FROM "ServiceAccount" WHERE "ownerId" = ${from.id}::uuid ORDER BY id FOR UPDATE`;
  for (const account of accounts) assertAccountAccess(actor, account, { action: "manage", change: { ownerId: to.id } });
  if (!accounts.length) return [];
  await tx.serviceAccount.updateMany({ where: { id: { in: accounts.map((a) => a.id) } }, data: { ownerId: to.id } });
  for (const account of accounts) {
    await audit(tx, meta, {
      action: "service_account.reassigned",
      actor: actorParty(actor),
      target: accountTarget(account),
      metadata: { before: { owner: from.email }, after: { owner: to.email }, previousOwner: userDisplayName(from) },
    });
  }
  return accounts.map((a) => a.id);
}
