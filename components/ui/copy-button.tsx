"use client";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { Button } from "./button";

/**
 * Copies `text` to the clipboard and says so ("Copied", a toast); when the browser refuses, says how to copy
 * by hand (`what`: "the token", "the key").
 */
export function CopyButton({
  text,
  label = "Copy",
  what,
  className,
  autoFocus,
}: {
  text: string;
  label?: string;
  what: string;
  className?: string;
  /** Focus it when it appears (a reveal: copying is the one thing to do next). */
  autoFocus?: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      toast.success("Copied to clipboard");
    } catch {
      toast.error(`Could not copy. Select ${what} and copy it by hand.`);
    }
  };
  return (
    <Button variant="secondary" onClick={() => void copy()} className={cn("shrink-0", className)} autoFocus={autoFocus}>
      {copied ? <Check className="size-4 text-emerald-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}
      {copied ? "Copied" : label}
    </Button>
  );
}
