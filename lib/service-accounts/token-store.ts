import type { Tx } from "@/lib/db/client";
import { conflictError } from "@/lib/errors";
import { accountStatusColumns } from "./live-tokens";
import { lockAccount } from "./lock-account";
import { storedScopes } from "./token-scopes";

// Steps the token operations share, each inside the caller's transaction and after the account's lock
// (lock-account.ts: the one lock order).

export const LIFE_FIELDS = { id: true, createdAt: true, expiresAt: true, revokedAt: true, replacedById: true } as const;

/** Recomputes the account's status copy from its tokens (live-tokens.ts says what it means). */
export async function syncAccountStatus(tx: Tx, serviceAccountId: string): Promise<void> {
  const tokens = await tx.apiToken.findMany({ where: { serviceAccountId }, select: LIFE_FIELDS });
  await tx.serviceAccount.update({ where: { id: serviceAccountId }, data: accountStatusColumns(tokens) });
}

/** Token IDs are unique, regardless of case, among the account's live tokens (`except`: the one being rotated). */
export async function assertTokenNameFree(tx: Tx, serviceAccountId: string, name: string, now: Date, except?: string): Promise<void> {
  const taken = await tx.apiToken.findFirst({
    where: {
      serviceAccountId,
      name: { equals: name, mode: "insensitive" },
      revokedAt: null,
      replacedById: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      ...(except ? { id: { not: except } } : {}),
    },
    select: { id: true },
  });
  if (taken) throw conflictError("This account already has a live token with this Token ID.", { name: ["This account already has a live token with this Token ID"] });
}

/** Locks the token's account, then reads the token (and its account) again under that lock. */
export async function lockToken(tx: Tx, tokenId: string) {
  const owning = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { serviceAccountId: true } });
  if (owning) await lockAccount(tx, owning.serviceAccountId);
  return tx.apiToken.findUnique({ where: { id: tokenId }, include: { serviceAccount: true } });
}

/** How the audit trail describes a token's access. */
export function tokenAuditFields(token: { id: string; name: string; hint: string; expiresAt: Date | null; fullAccess: boolean; scopes: string[]; allowedIps: string[] }) {
  return {
    tokenId: token.id,
    name: token.name,
    hint: token.hint,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    scopes: storedScopes(token),
    allowedIps: token.allowedIps,
  };
}
