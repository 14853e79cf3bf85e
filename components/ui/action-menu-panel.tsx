"use client";
import { DropdownMenu } from "radix-ui";
import { Fragment, useEffect, useRef } from "react";
import { cn } from "@/lib/cn";
import type { LoadedTriggerProps } from "./lazy-trigger";

export type ActionMenuItem = { label: string; onSelect: () => void; destructive?: boolean; separatorBefore?: boolean };

const itemClass =
  "flex cursor-default select-none items-center rounded px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

/** A row's ⋯ menu (./action-menu.tsx loads it). Not modal: a modal menu and the modal dialog it opens would fight over focus. */
export function ActionMenuPanel({ trigger, defaultOpen, refocus, items }: LoadedTriggerProps & { items: readonly ActionMenuItem[] }) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refocus && !defaultOpen) triggerRef.current?.focus();
  }, [refocus, defaultOpen]);
  return (
    <DropdownMenu.Root modal={false} defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger asChild ref={triggerRef}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-30 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          {items.map(({ label, onSelect, destructive, separatorBefore }) => (
            <Fragment key={label}>
              {separatorBefore ? <DropdownMenu.Separator className="my-1 h-px bg-slate-100" /> : null}
              <DropdownMenu.Item className={cn(itemClass, destructive && "text-red-600 data-[highlighted]:text-red-700")} onSelect={onSelect}>
                {label}
              </DropdownMenu.Item>
            </Fragment>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
