import type { ReactNode } from "react";
import type { UserActor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";
import { AppHeader } from "./app-header";
import { FocusRescue } from "./focus-rescue";
import { NAV_ITEMS, type NavItem } from "./nav-items";
import { NavLinks } from "./nav-links";

/** What the actor may open, in the order the sidebar shows it. */
function navItemsFor(actor: UserActor): NavItem[] {
  return NAV_ITEMS.filter((item) => item.permission === null || hasPermission(actor.role, item.permission)).map(({ section, href, label }) => ({
    section,
    href,
    label,
  }));
}

/**
 * The console around every signed-in page (and its 404): skip link, header, the sidebar from 1024 px (a drawer
 * below), and <main id="content">. Nothing here is wider than the screen: main may shrink (min-w-0).
 */
export function ConsoleShell({ actor, children }: { actor: UserActor; children: ReactNode }) {
  const items = navItemsFor(actor);
  return (
    <div className="min-h-screen">
      <a
        href="#content"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[60] focus:shadow-lg"
      >
        Skip to content
      </a>
      <AppHeader actor={actor} items={items} />
      <div className="flex">
        <aside className="hidden min-h-[calc(100vh-3.5rem)] w-56 shrink-0 border-r border-slate-200 bg-white px-3 py-4 lg:block">
          <NavLinks items={items} />
        </aside>
        <main id="content" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
      <FocusRescue />
    </div>
  );
}
