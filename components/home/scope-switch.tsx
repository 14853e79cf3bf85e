import Link from "next/link";
import { cn } from "@/lib/cn";
import type { HomeScope } from "@/lib/home/home-scope";

const CHOICES: [HomeScope, string][] = [
  ["mine", "My tokens"],
  ["all", "Organisation"],
];

/** Own accounts or the organisation's: two links, the current one marked for assistive technology too. */
export function ScopeSwitch({ scope }: { scope: HomeScope }) {
  return (
    <nav aria-label="Show tokens of" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
      {CHOICES.map(([value, label]) => (
        <Link
          key={value}
          href={value === "all" ? "/?scope=all" : "/"}
          aria-current={value === scope ? "page" : undefined}
          className={cn(
            "rounded px-3 py-1.5 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
            value === scope ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100",
          )}>
          {label}
        </Link>
      ))}
    </nav>
  );
}
