"use client";
import { Tooltip } from "radix-ui";
import { useEffect, useRef, useState, type Ref } from "react";
import type { LoadedTriggerProps } from "./lazy-trigger";

/** The tooltip of ./focus-tip.tsx (loaded apart from the page): opened by keyboard focus only. */
export function FocusTipPanel({ trigger, refocus, tip }: LoadedTriggerProps & { tip: string }) {
  const [focused, setFocused] = useState(false);
  const triggerRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (refocus) triggerRef.current?.focus();
  }, [refocus]);
  return (
    <Tooltip.Provider delayDuration={0}>
      {/* Opened by focus only: on hover the title already says it, and two would overlap. */}
      <Tooltip.Root open={focused} onOpenChange={(open) => !open && setFocused(false)}>
        <Tooltip.Trigger asChild ref={triggerRef as Ref<HTMLButtonElement>} onFocus={() => setFocused(true)} onBlur={() => setFocused(false)}>
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
