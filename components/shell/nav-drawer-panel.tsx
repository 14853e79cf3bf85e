"use client";
import { X } from "lucide-react";
import { Dialog as RadixDialog } from "radix-ui";
import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import type { NavItem } from "./nav-items";
import { NavLinks } from "./nav-links";

/** The drawer ./nav-drawer.tsx opens (Radix: focus trapped, Escape closes, focus back on the Menu button). */
export function NavDrawerPanel({ open, onOpenChange, items, who, opener }: { open: boolean; onOpenChange: (open: boolean) => void; items: readonly NavItem[]; who: string; opener: RefObject<HTMLButtonElement | null> }) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 dark:bg-black/60 lg:hidden" />
        <RadixDialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            opener.current?.focus();
          }}
          className="fixed inset-y-0 left-0 z-50 flex w-[min(18rem,85vw)] flex-col overflow-y-auto bg-white px-3 py-4 shadow-xl focus:outline-none lg:hidden"
        >
          <div className="mb-4 flex items-start justify-between gap-2 px-3">
            <div className="min-w-0">
              <RadixDialog.Title className="text-base font-semibold text-slate-900">Menu</RadixDialog.Title>
              <RadixDialog.Description className="break-words text-sm text-slate-600">{who}</RadixDialog.Description>
            </div>
            <RadixDialog.Close asChild>
              <Button variant="ghost" size="sm" aria-label="Close menu">
                <X className="size-5" aria-hidden />
              </Button>
            </RadixDialog.Close>
          </div>
          <NavLinks items={items} onNavigate={() => onOpenChange(false)} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
