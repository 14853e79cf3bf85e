"use client";
import { useRouter } from "next/navigation";
import type { RefObject } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ReviewToken } from "@/lib/home/review-lists";
import { bulkRevokeTokensAction } from "@/lib/service-accounts/actions";

export type BulkRevokeReport = { revoked: number; refused: { label: string; message: string }[] };

const plural = (n: number) => `${n} ${n === 1 ? "token" : "tokens"}`;

/** "Revoke 3 tokens?": names the count and the tokens; the server decides per account and reports refusals. */
export function BulkRevokeDialog({
  open,
  onOpenChange,
  returnFocusTo,
  tokens,
  onDone,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: RefObject<HTMLElement | null>;
  tokens: ReviewToken[];
  onDone: (report: BulkRevokeReport) => void;
}) {
  const router = useRouter();
  const labelOf = (id: string) => {
    const token = tokens.find((t) => t.id === id);
    return token ? `${token.accountName} (${token.hint})` : id;
  };
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      title={`Revoke ${plural(tokens.length)}?`}
      description="Each is refused from its very next use, and each revocation is entered in the audit log. Their service accounts are not deleted."
      confirmLabel={`Revoke ${plural(tokens.length)}`}
      action={() => bulkRevokeTokensAction({ tokenIds: tokens.map((token) => token.id) })}
      successMessage={(result) => (result.revoked.length ? `${plural(result.revoked.length)} revoked` : null)}
      afterSuccess={(result) => {
        onDone({ revoked: result.revoked.length, refused: result.refused.map((r) => ({ label: labelOf(r.tokenId), message: r.message })) });
        router.refresh();
      }}>
      <ul className="max-h-48 list-disc overflow-y-auto pl-5 text-sm text-slate-700" tabIndex={0} aria-label="Tokens to revoke">
        {tokens.map((token) => (
          <li key={token.id} className="break-words">
            {token.accountName} · {token.name} <code className="font-mono text-xs">{token.hint}</code>
          </li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
