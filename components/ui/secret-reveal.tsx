"use client";
import { TriangleAlert } from "lucide-react";
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "./button";
import { CopyButton } from "./copy-button";

/**
 * The one time a secret (a token's value, a webhook's signing secret) is shown. It lives only in the opener's
 * React state: never in the URL, storage or a server render, so closing, navigating or reloading loses it.
 * Focus starts on its Copy, the one thing to do now.
 */
export function SecretReveal({
  id,
  label,
  value,
  what,
  hint,
  warning,
  children,
  onDone,
}: {
  id: string;
  label: string;
  value: string;
  /** For the copy button's label and toast: "the token". */
  what: string;
  hint: ReactNode;
  warning: string;
  /** Shown between the value and the warning (e.g. a ready-to-run example). */
  children?: ReactNode;
  onDone: () => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.querySelector<HTMLButtonElement>(`#${id} ~ button`)?.focus(), [id]);
  return (
    <div ref={panel} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        <div className="flex gap-2">
          <input
            id={id}
            readOnly
            value={value}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-warning`}
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30"
          />
          <CopyButton text={value} what={what} />
        </div>
        <p className="text-xs text-slate-500">{hint}</p>
      </div>
      {children}
      <div id={`${id}-warning`} className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>{warning}</p>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
