import type { Tx } from "@/lib/db/client";
import { validationError } from "@/lib/errors";

/** The owner must be an active human user. */
export async function loadActiveOwner(tx: Tx, ownerId: string) {
  const owner = await tx.user.findUnique({ where: { id: ownerId }, select: { id: true, name: true, email: true, status: true } });
  if (!owner || owner.status !== "ACTIVE") throw validationError({ ownerId: ["Choose an active user as owner"] });
  return owner;
}

export const accountTarget = (account: { id: string; name: string }) => ({ type: "service_account", id: account.id, name: account.name });
