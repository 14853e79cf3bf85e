"use client";
import { Monitor, Moon, Sun } from "lucide-react";
import { useEffect, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { lazyTrigger } from "@/components/ui/lazy-trigger";
import { followSystemTheme, readTheme, subscribeToTheme, THEMES } from "./theme";

export const THEME_ICONS = { light: Sun, dark: Moon, system: Monitor } as const;

const ThemeMenuPanel = lazyTrigger(() => import("./theme-menu-panel").then((m) => m.ThemeMenuPanel), { popup: "menu" });

/** Light / Dark / System, kept in this browser (app/layout.tsx applies it before the first paint). */
export function ThemeMenu() {
  // "system" on the server and while hydrating (the stored choice is only known in the browser).
  const theme = useSyncExternalStore(subscribeToTheme, readTheme, () => "system" as const);
  useEffect(followSystemTheme, []);
  const Icon = THEME_ICONS[theme];
  return (
    <ThemeMenuPanel
      theme={theme}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Theme: ${THEMES.find((t) => t.value === theme)?.label}`}>
          <Icon className="size-4" aria-hidden />
        </Button>
      }
    />
  );
}
