"use client";
import { Monitor, Moon, Sun } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useEffect, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { followSystemTheme, readTheme, saveTheme, subscribeToTheme, THEMES } from "./theme";

const ICONS = { light: Sun, dark: Moon, system: Monitor } as const;

const itemClass =
  "flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-700 outline-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

/** Light / Dark / System, kept in this browser (app/layout.tsx applies it before the first paint). */
export function ThemeMenu() {
  // "system" on the server and while hydrating (the stored choice is only known in the browser).
  const theme = useSyncExternalStore(subscribeToTheme, readTheme, () => "system" as const);
  useEffect(followSystemTheme, []);
  const Icon = ICONS[theme];
  const choose = (value: string) => {
    const next = THEMES.find((t) => t.value === value)?.value ?? "system";
    saveTheme(next);
  };

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Theme: ${THEMES.find((t) => t.value === theme)?.label}`}>
          <Icon className="size-4" aria-hidden />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-36 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1 text-xs font-semibold text-slate-600">Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={theme} onValueChange={choose}>
            {THEMES.map(({ value, label }) => {
              const ItemIcon = ICONS[value];
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
