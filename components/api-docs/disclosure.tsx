import type { ReactNode } from "react";
import { ChevronRight } from "lucide-react";

/**
 * Native details/summary: opens and closes with Enter or Space, announced as expanded or collapsed, and works
 * before (and without) any JavaScript. Long content starts closed.
 */
export function Disclosure({ summary, open, children }: { summary: ReactNode; open?: boolean; children: ReactNode }) {
  return (
    <details open={open} className="group mt-2 min-w-0">
      <summary className="flex w-fit cursor-pointer list-none items-center gap-1 rounded text-sm font-medium text-indigo-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-indigo-300 [&::-webkit-details-marker]:hidden">
        <ChevronRight className="size-4 shrink-0 transition-transform group-open:rotate-90" aria-hidden />
        {summary}
      </summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
