import type { Tx } from "@/lib/db/client";

/**
 * The one lock order for every change to a service account, so concurrent operations queue instead of
 * deadlocking: first this row lock on the ServiceAccount, then its ApiToken rows, and last the audit chain's
 * advisory lock (audit() takes it; no row lock may follow). Locking first also means an operation racing a
 * delete finds the account gone and answers "not found". Reassigning several accounts at once locks them in id
 * order (reassign-owned-accounts.ts), which keeps the same order.
 */
export async function lockAccount(tx: Tx, serviceAccountId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "ServiceAccount" WHERE id = ${serviceAccountId}::uuid FOR UPDATE`;
}
