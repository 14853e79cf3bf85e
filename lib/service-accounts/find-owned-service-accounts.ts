import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/db/generated/enums";
import { db } from "@/lib/db/client";
import { findOwnerOptions, type OwnerOption } from "@/lib/users/find-owner-options";
import { decideAccountAccess } from "./access";

export type OwnedAccount = { id: string; name: string; role: string; manageableByOwnerAs: Record<Role, boolean> };

/**
 * The accounts a user owns, for the disable and change-role dialogs: which ones they could still manage with
 * each role (a demoted owner keeps their accounts working, but may no longer be able to look after them).
 */
export async function findOwnedServiceAccounts(userId: string, limit = 200): Promise<OwnedAccount[]> {
  const accounts = await db.serviceAccount.findMany({
    where: { ownerId: userId },
    select: { id: true, name: true, role: true, ownerId: true },
    orderBy: { name: "asc" },
    take: limit,
  });
  const roles: Role[] = ["OWNER", "ADMIN", "CONTRIBUTOR", "VIEWER", "AUDITOR"];
  return accounts.map((account) => ({
    id: account.id,
    name: account.name,
    role: account.role,
    manageableByOwnerAs: Object.fromEntries(
      roles.map((role) => {
        const owner: Actor = { type: "USER", id: userId, name: "", email: "", role };
        return [role, decideAccountAccess(owner, account, { action: "manage" }).allowed];
      }),
    ) as Record<Role, boolean>,
  }));
}

export type ReassignOptions = { accounts: OwnedAccount[]; total: number; owners: OwnerOption[] };

/** What the disable and change-role dialogs show: the user's accounts and who could take them over. */
export async function findReassignOptions({ userId }: { userId: string }): Promise<ReassignOptions> {
  const [accounts, total, owners] = await Promise.all([
    findOwnedServiceAccounts(userId, 10),
    db.serviceAccount.count({ where: { ownerId: userId } }),
    findOwnerOptions(),
  ]);
  return { accounts, total, owners: owners.filter((owner) => owner.id !== userId) };
}
