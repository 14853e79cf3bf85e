"use client";
import { CopyButton } from "@/components/ui/copy-button";

/** The checkpoint signing key's PEM, selectable and copyable (auditors keep it beside their checkpoints). */
export function CopyPublicKey({ pem }: { pem: string }) {
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
        <CopyButton text={pem} label="Copy key" what="the key" className="self-start" />
      </div>
    </div>
  );
}
