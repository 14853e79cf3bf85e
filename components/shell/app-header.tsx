import { KeyRound } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/actions";
import type { UserActor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/permissions";

export function AppHeader({ actor }: { actor: UserActor }) {
  return (
    <header className="flex h-14 items-center justify-between border-b border-slate-200 bg-white px-6">
      <Link href="/" className="flex items-center gap-2 font-semibold text-slate-900">
        <KeyRound className="size-5 text-indigo-600" aria-hidden />
        Keyhold
      </Link>
      <div className="flex items-center gap-3 text-sm">
        <span data-testid="current-user" className="text-slate-700">
          {actor.name} <span className="text-slate-500">({actor.email})</span>
        </span>
        <Badge tone="indigo">
          <span data-testid="current-role">{ROLE_LABELS[actor.role]}</span>
        </Badge>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary" size="sm">
            Sign out
          </Button>
        </form>
      </div>
    </header>
  );
}
