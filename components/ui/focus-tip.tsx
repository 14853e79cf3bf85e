"use client";
import { Tooltip } from "radix-ui";
import { useState, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * Text with more to say than it shows (a truncated name, a relative time): the full text is its `title` on
 * hover, and a tooltip when it has keyboard focus (it is focusable for that), so keyboard users get it too.
 * `asChild`: the child is focusable already (a link) and becomes the trigger itself: one tab stop, not two.
 */
export function FocusTip(props: { tip: string; className?: string } & ({ asChild?: false; children: ReactNode } | { asChild: true; children: ReactElement })) {
  const { tip, children, className } = props;
  const [focused, setFocused] = useState(false);
  const trigger = props.asChild ? (
    children
  ) : (
    <span tabIndex={0} className={cn("rounded focus-visible:outline-2 focus-visible:outline-indigo-600", className)}>
      {children}
    </span>
  );
  return (
    <Tooltip.Provider delayDuration={0}>
      {/* Opened by focus only: on hover the title already says it, and two would overlap. */}
      <Tooltip.Root open={focused} onOpenChange={(open) => !open && setFocused(false)}>
        <Tooltip.Trigger asChild title={tip} onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}>
          {trigger}
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            side="top"
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-w-[min(24rem,calc(100vw-1rem))] rounded-md bg-slate-900 px-2 py-1 text-xs text-white shadow-lg [overflow-wrap:anywhere]"
          >
            {tip}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}

/** A value cut to one line with an ellipsis; the whole of it on hover and on focus. */
export function TruncatedText({ text, className }: { text: string; className?: string }) {
  return (
    <FocusTip tip={text} className={cn("block truncate", className)}>
      {text}
    </FocusTip>
  );
}
