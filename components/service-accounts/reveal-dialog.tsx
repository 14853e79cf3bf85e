"use client";
import type { ReactNode, RefObject } from "react";
import { Dialog } from "@/components/ui/dialog";
import { TOKEN_REVEAL_TITLE, TokenRevealPanel, type RevealedTokenView } from "./token-reveal-panel";

/** A dialog whose form ends in the copy-once reveal (use-reveal-dialog.ts holds its state). */
export function RevealDialog({
  state,
  returnFocusTo,
  title,
  description,
  revealedDescription,
  children,
}: {
  state: { open: boolean; onOpenChange: (open: boolean) => void; revealed: RevealedTokenView | null };
  returnFocusTo?: RefObject<HTMLElement | null>;
  title: string;
  description: string;
  revealedDescription: string;
  children: ReactNode;
}) {
  const { open, onOpenChange, revealed } = state;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      dismissible={!revealed}
      title={revealed ? TOKEN_REVEAL_TITLE : title}
      description={revealed ? revealedDescription : description}
    >
      {revealed ? <TokenRevealPanel token={revealed} onDone={() => onOpenChange(false)} /> : children}
    </Dialog>
  );
}
