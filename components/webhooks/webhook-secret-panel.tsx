"use client";
import { TriangleAlert } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

export const SECRET_REVEAL_TITLE = "Copy the signing secret";

/**
 * The one time an endpoint's signing secret is shown (added, or rotated). It lives only in the opener's React
 * state, like a token's reveal (components/service-accounts/token-reveal-panel.tsx).
 */
export function WebhookSecretPanel({ secret, onDone }: { secret: string; onDone: () => void }) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.querySelector<HTMLButtonElement>("#revealed-secret ~ button")?.focus(), []);
  return (
    <div ref={panel} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="revealed-secret" className="block text-sm font-medium text-slate-700">
          Signing secret
        </label>
        <div className="flex gap-2">
          <input
            id="revealed-secret"
            readOnly
            value={secret}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="revealed-secret-warning"
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30"
          />
          <CopyButton text={secret} what="the secret" />
        </div>
        <p className="text-xs text-slate-500">Verify each request&apos;s webhook-signature with it (any Standard Webhooks library).</p>
      </div>
      <div id="revealed-secret-warning" className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>Make sure to copy the secret now. It will not be shown again.</p>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
