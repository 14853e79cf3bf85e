"use client";
import type { ReactNode, RefObject } from "react";
import { Dialog } from "./dialog";

/**
 * A dialog whose form ends in a copy-once reveal (a token's value, a webhook's signing secret). Its state comes
 * from use-reveal-dialog.ts; while the value is on show the dialog can only be closed by its Done.
 */
export function RevealDialog<T>({
  state,
  returnFocusTo,
  title,
  description,
  revealedTitle,
  revealedDescription,
  reveal,
  children,
}: {
  state: { open: boolean; onOpenChange: (open: boolean) => void; revealed: T | null };
  returnFocusTo?: RefObject<HTMLElement | null>;
  title: string;
  description: string;
  revealedTitle: string;
  revealedDescription: string;
  /** The reveal panel for the value; `done` closes the dialog. */
  reveal: (revealed: T, done: () => void) => ReactNode;
  children: ReactNode;
}) {
  const { open, onOpenChange, revealed } = state;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      dismissible={!revealed}
      title={revealed ? revealedTitle : title}
      description={revealed ? revealedDescription : description}
    >
      {revealed ? reveal(revealed, () => onOpenChange(false)) : children}
    </Dialog>
  );
}
