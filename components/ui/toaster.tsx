"use client";
// Sonner's toaster, loaded apart from the page once it has painted (toasts follow actions, never the first
// paint), in the console's theme: Light, Dark or System as chosen in the header (components/shell/theme.ts).
import dynamic from "next/dynamic";
import { useSyncExternalStore } from "react";
import { readTheme, subscribeToTheme } from "@/components/shell/theme";

const SonnerToaster = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

export function Toaster() {
  const theme = useSyncExternalStore(subscribeToTheme, readTheme, () => "system" as const);
  return <SonnerToaster theme={theme} richColors position="top-right" />;
}
