"use client";
import { Dialog as RadixDialog } from "radix-ui";
import { useRef } from "react";
import type { DialogProps } from "./dialog";

/** The modal dialog itself (Radix: focus trap, Escape to close, labelled by its title); ./dialog.tsx loads it. */
export function DialogPanel({
  open,
  onOpenChange,
  title,
  description,
  children,
  dismissible = true,
  returnFocusTo,
}: DialogProps) {
  const keepOpen = (event: Event) => {
    if (!dismissible) event.preventDefault();
  };
  // Radix gives focus back only to a Dialog.Trigger; these dialogs are opened by plain buttons and menu items,
  // so the opener is noted as the dialog opens (focus has not moved yet) and focused again when it closes.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 dark:bg-black/60" />
        <RadixDialog.Content
          onInteractOutside={keepOpen}
          onEscapeKeyDown={keepOpen}
          onOpenAutoFocus={() => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={(event) => {
            const target = [returnFocusTo?.current, opener.current].find((element) => element?.isConnected);
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none">
          <RadixDialog.Title className="text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
