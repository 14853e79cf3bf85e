import type { Tx } from "@/lib/db/client";
import { conflictError } from "@/lib/errors";

/**
 * Refuses a change that would leave no active OWNER. The transaction-scoped advisory lock makes two such
 * changes run one after the other, so two admins demoting the last two owners at once cannot both succeed.
 */
export async function assertAnotherActiveOwner(tx: Tx, exceptUserId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('keyhold:active-owners'))`;
  const others = await tx.user.count({ where: { role: "OWNER", status: "ACTIVE", id: { not: exceptUserId } } });
  if (others === 0) throw conflictError("There must always be at least one active owner.");
}
