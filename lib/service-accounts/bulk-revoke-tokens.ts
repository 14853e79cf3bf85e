import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { recordActionRefusal } from "@/lib/actions/record-action-refusal";
import { AppError } from "@/lib/errors";
import { tokensChanged } from "@/lib/tokens/token-events";
import { assertAccountAccess } from "./access";
import { revokeCommitted } from "./revoke-token";
import type { bulkRevokeTokensSchema } from "./token-schemas";

/** The bulk action's name and base permission (action-definitions.ts); refusals of single tokens are recorded under it. */
export const BULK_REVOKE = { name: "tokens.bulk_revoke", permission: "service_accounts.manage_own" } as const;

export type BulkRevokeResult = { revoked: string[]; refused: { tokenId: string; message: string }[] };

/**
 * Revokes each token in its own transaction with its own audit event (so one refusal does not undo the others),
 * each decided by the access rule for its account. Refused tokens are reported back, and recorded as refusals
 * (aggregated, lib/audit/refusals.ts). Caches are told once per account, after every commit.
 */
export async function bulkRevokeTokens({ tokenIds }: z.output<typeof bulkRevokeTokensSchema>, context: ActionContext): Promise<BulkRevokeResult> {
  const result: BulkRevokeResult = { revoked: [], refused: [] };
  const changedAccounts = new Set<string>();
  try {
    for (const tokenId of tokenIds) {
      try {
        const revoked = await revokeCommitted(tokenId, context, (account) =>
          assertAccountAccess(context.actor, account, { action: "manage", scope: "tokens:write" }),
        );
        changedAccounts.add(revoked.serviceAccountId);
        result.revoked.push(tokenId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        recordActionRefusal(BULK_REVOKE, context.actor, context.meta, error, true);
        result.refused.push({ tokenId, message: error.message });
      }
    }
  } finally {
    await Promise.all([...changedAccounts].map((id) => tokensChanged(id)));
  }
  return result;
}
