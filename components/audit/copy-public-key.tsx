"use client";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** The checkpoint signing key's PEM, selectable and copyable (auditors keep it beside their checkpoints). */
export function CopyPublicKey({ pem }: { pem: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(pem);
      setCopied(true);
      toast.success("Public key copied");
    } catch {
      toast.error("Could not copy. Select the key and copy it by hand.");
    }
  };
  return (
    <div className="space-y-1">
      <label htmlFor="checkpoint-public-key" className="block text-sm font-medium text-slate-700">
        Public key (PEM)
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <textarea
          id="checkpoint-public-key"
          readOnly
          rows={3}
          value={pem.trim()}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 resize-none rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30"
        />
        <Button variant="secondary" onClick={() => void copy()} className="shrink-0 self-start">
          {copied ? <Check className="size-4 text-emerald-600" aria-hidden /> : <Copy className="size-4" aria-hidden />}
          {copied ? "Copied" : "Copy key"}
        </Button>
      </div>
    </div>
  );
}
