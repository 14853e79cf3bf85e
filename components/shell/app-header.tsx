import { KeyRound } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";
import type { UserActor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { NavDrawer } from "./nav-drawer";
import type { NavItem } from "./nav-items";
import { ThemeMenu } from "./theme-menu";

/** The top bar: the phone's Menu (below 1024 px), who is signed in (in the drawer on small screens), theme, sign out. */
export function AppHeader({ actor, items }: { actor: UserActor; items: readonly NavItem[] }) {
  return (
    <header className="flex h-14 items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 sm:px-6">
      <div className="flex min-w-0 items-center gap-1">
        <NavDrawer items={items} who={`${actor.name} (${actor.email}), ${ROLE_LABELS[actor.role]}`} />
        <Link href="/" className="flex items-center gap-2 rounded-md px-2 py-1 font-semibold text-slate-900 no-underline">
          <KeyRound className="size-5 text-indigo-600" aria-hidden />
          Keyhold
        </Link>
      </div>
      <div className="flex min-w-0 items-center gap-2 text-sm sm:gap-3">
        <span data-testid="current-user" className="hidden min-w-0 truncate text-slate-700 md:inline">
          {actor.name} <span className="text-slate-500">({actor.email})</span>
        </span>
        <span className="hidden sm:inline-flex">
          <Badge tone="indigo">
            <span data-testid="current-role">{ROLE_LABELS[actor.role]}</span>
          </Badge>
        </span>
        <ThemeMenu />
        <form action={signOutAction}>
          <Button type="submit" variant="secondary" size="sm" className="whitespace-nowrap">
            Sign out
          </Button>
        </form>
      </div>
    </header>
  );
}
