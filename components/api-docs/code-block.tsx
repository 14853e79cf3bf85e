import { cn } from "@/lib/cn";

/**
 * A code sample that scrolls sideways inside itself: focusable (tabIndex 0, a named region) so keyboard users
 * can scroll it too, never wider than its column.
 */
export function CodeBlock({ label, code, className }: { label: string; code: string; className?: string }) {
  return (
    <pre
      tabIndex={0}
      role="region"
      aria-label={label}
      className={cn(
        "max-w-full overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2 dark:bg-slate-950 dark:ring-offset-slate-900 dark:border dark:border-slate-700",
        className,
      )}
    >
      <code>{code}</code>
    </pre>
  );
}
