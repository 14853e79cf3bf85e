"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";
import type { NavItem } from "./nav-items";

/** The sections and their links; `onNavigate` lets the phone's drawer close when a link is followed. */
export function NavLinks({ items, onNavigate }: { items: readonly NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const sections = [...new Set(items.map((item) => item.section))];
  return (
    <nav aria-label="Main" className="flex flex-col gap-4">
      {sections.map((section) => (
        <div key={section} className="flex flex-col gap-0.5">
          <p className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{section}</p>
          {items
            .filter((item) => item.section === section)
            .map((item) => {
              const active = pathname === item.href || (item.href !== "/" && pathname.startsWith(`${item.href}/`));
              return (
                <Link
                  key={item.href}
                  href={item.href}
                  onClick={onNavigate}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "rounded-md px-3 py-2 text-sm font-medium no-underline",
                    active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100",
                  )}
                >
                  {item.label}
                </Link>
              );
            })}
        </div>
      ))}
    </nav>
  );
}
