"use client";
import { cloneElement, type ReactElement, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { lazyTrigger } from "./lazy-trigger";

const FocusTipPanel = lazyTrigger(() => import("./focus-tip-panel").then((m) => m.FocusTipPanel));

/**
 * Text with more to say than it shows (a truncated name, a relative time): the full text is its `title` on
 * hover, and a tooltip when it has keyboard focus (it is focusable for that), so keyboard users get it too.
 * `asChild`: the child is focusable already (a link) and becomes the trigger itself: one tab stop, not two.
 */
export function FocusTip(props: { tip: string; className?: string } & ({ asChild?: false; children: ReactNode } | { asChild: true; children: ReactElement<{ title?: string }> })) {
  const { tip, children, className } = props;
  const trigger = props.asChild ? (
    cloneElement(props.children, { title: tip })
  ) : (
    <span tabIndex={0} title={tip} className={cn("rounded focus-visible:outline-2 focus-visible:outline-indigo-600", className)}>
      {children}
    </span>
  );
  return <FocusTipPanel tip={tip} trigger={trigger} />;
}

/** A value cut to one line with an ellipsis; the whole of it on hover and on focus. */
export function TruncatedText({ text, className }: { text: string; className?: string }) {
  return (
    <FocusTip tip={text} className={cn("block truncate", className)}>
      {text}
    </FocusTip>
  );
}
