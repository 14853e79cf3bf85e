"use client";
import { Menu } from "lucide-react";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { NavItem } from "./nav-items";

// The drawer (Radix's dialog) is loaded apart from the page, once the page has painted: see components/ui/dialog.tsx.
let loading: Promise<typeof import("./nav-drawer-panel")> | undefined;
const load = () => (loading ??= import("./nav-drawer-panel"));
const NavDrawerPanel = lazy(async () => ({ default: (await load()).NavDrawerPanel }));

/**
 * Below 1024 px the sidebar is this: a Menu button opening the same links in a drawer (focus trapped, Escape
 * closes, focus back on the button). Following a link closes it.
 */
export function NavDrawer({ items, who }: { items: readonly NavItem[]; who: string }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => void load().catch(() => {}), []);
  return (
    <>
      <Button
        ref={opener}
        variant="ghost"
        size="sm"
        className="lg:hidden"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        <Menu className="size-5" aria-hidden />
        Menu
      </Button>
      {opened ? (
        <Suspense fallback={null}>
          <NavDrawerPanel open={open} onOpenChange={setOpen} items={items} who={who} opener={opener} />
        </Suspense>
      ) : null}
    </>
  );
}
