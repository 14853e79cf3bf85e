"use client";
import { DropdownMenu } from "radix-ui";
import { useEffect, useRef } from "react";
import type { LoadedTriggerProps } from "@/components/ui/lazy-trigger";
import { saveTheme, THEMES, type Theme } from "./theme";
import { THEME_ICONS } from "./theme-menu";

const itemClass =
  "flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

/** The theme menu's list (./theme-menu.tsx loads it). */
export function ThemeMenuPanel({ trigger, defaultOpen, refocus, theme }: LoadedTriggerProps & { theme: Theme }) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refocus && !defaultOpen) triggerRef.current?.focus();
  }, [refocus, defaultOpen]);
  const choose = (value: string) => saveTheme(THEMES.find((t) => t.value === value)?.value ?? "system");
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger asChild ref={triggerRef}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-36 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1 text-xs font-semibold text-slate-600">Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={theme} onValueChange={choose}>
            {THEMES.map(({ value, label }) => {
              const ItemIcon = THEME_ICONS[value];
              return (
                <DropdownMenu.RadioItem key={value} value={value} className={itemClass}>
                  <ItemIcon className="size-4" aria-hidden />
                  {label}
                  <DropdownMenu.ItemIndicator className="ml-auto text-xs text-indigo-700">✓</DropdownMenu.ItemIndicator>
                </DropdownMenu.RadioItem>
              );
            })}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
