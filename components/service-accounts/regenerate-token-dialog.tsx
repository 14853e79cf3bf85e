"use client";
import type { MenuDialogProps } from "@/components/ui/dialog";
import { lazyForm } from "@/components/ui/lazy-form";
import type { ManagedAccount } from "./service-account-row-actions";
import { useRevealDialog } from "@/components/ui/use-reveal-dialog";
import { TokenRevealDialog } from "./token-reveal-dialog";
import type { RevealedTokenView } from "./token-reveal-panel";

type RegenerateTokenDialogProps = MenuDialogProps & { account: ManagedAccount };

const { LazyForm: RegenerateTokenForm, usePreload } = lazyForm(() => import("./regenerate-token-form").then((m) => m.RegenerateTokenForm));

/** CloudTruth's REGENERATE TOKEN: a new token now; the previous one dies now or at a chosen time. */
export function RegenerateTokenDialog({ open, onOpenChange, returnFocusTo, account }: RegenerateTokenDialogProps) {
  const state = useRevealDialog<RevealedTokenView>({ open, onOpenChange });
  usePreload();

  return (
    <TokenRevealDialog state={state} returnFocusTo={returnFocusTo} title="Regenerate token" description={account.name} revealedDescription={`The new access token for ${account.name}.`}>
      <RegenerateTokenForm account={account} onCancel={() => state.onOpenChange(false)} onRegenerated={state.setRevealed} />
    </TokenRevealDialog>
  );
}
