"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type RefObject } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
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
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () => {
    setError(null);
    startTransition(async () => {
      const result = await bulkRevokeTokensAction({ tokenIds: tokens.map((token) => token.id) });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      const labelOf = (id: string) => {
        const token = tokens.find((t) => t.id === id);
        return token ? `${token.accountName} (${token.hint})` : id;
      };
      const report = { revoked: result.data.revoked.length, refused: result.data.refused.map((r) => ({ label: labelOf(r.tokenId), message: r.message })) };
      if (report.revoked) toast.success(`${plural(report.revoked)} revoked`);
      onOpenChange(false);
      onDone(report);
      router.refresh();
    });
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setError(null);
        onOpenChange(next);
      }}
      returnFocusTo={returnFocusTo}
      title={`Revoke ${plural(tokens.length)}?`}
      description={`Each is refused from its very next use, and each revocation is entered in the audit log. Their service accounts are not deleted.`}>
      <div className="space-y-4">
        <ul className="max-h-48 list-disc overflow-y-auto pl-5 text-sm text-slate-700" tabIndex={0} aria-label="Tokens to revoke">
          {tokens.map((token) => (
            <li key={token.id} className="break-words">
              {token.accountName} · {token.name} <code className="font-mono text-xs">{token.hint}</code>
            </li>
          ))}
        </ul>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} disabled={pending || tokens.length === 0}>
            Revoke {plural(tokens.length)}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
