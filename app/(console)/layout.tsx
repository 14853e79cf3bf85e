import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { NavLinks } from "@/components/shell/nav-links";
import { requirePageActor } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { TokenPolicyProvider } from "@/components/policy/token-policy-context";
import { loadTokenPolicy } from "@/lib/policy/token-policy";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const items = NAV_ITEMS.filter((item) => item.permission === null || hasPermission(actor.role, item.permission));
  const policy = await loadTokenPolicy();
  return (
    <div className="min-h-screen">
      <AppHeader actor={actor} />
      <div className="flex">
        <aside className="w-56 shrink-0 border-r border-slate-200 bg-white px-3 py-4 min-h-[calc(100vh-3.5rem)]">
          <NavLinks items={items.map(({ section, href, label }) => ({ section, href, label }))} />
        </aside>
        <main className="min-w-0 flex-1 px-8 py-6">
          <TokenPolicyProvider policy={policy}>{children}</TokenPolicyProvider>
        </main>
      </div>
    </div>
  );
}
