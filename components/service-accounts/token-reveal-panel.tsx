"use client";
import { TriangleAlert } from "lucide-react";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";

/** The dialog title while a new token is on show (create and regenerate both switch to it). */
export const TOKEN_REVEAL_TITLE = "Copy your API token";

export type RevealedTokenView = { value: string; expiresAt: string | null };

/**
 * The one time a token's value is shown. It lives only in the parent's React state: never in the URL, storage
 * or a server render, so closing the dialog, navigating or reloading loses it for good.
 */
export function TokenRevealPanel({ token, onDone }: { token: RevealedTokenView; onDone: () => void }) {
  // Focus starts on the token's Copy: the one thing to do now.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.querySelector<HTMLButtonElement>("#revealed-token ~ button")?.focus(), []);
  return (
    <div ref={panel} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="revealed-token" className="block text-sm font-medium text-slate-700">
          Access token
        </label>
        <div className="flex gap-2">
          <input
            id="revealed-token"
            readOnly
            value={token.value}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="revealed-token-warning"
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full min-w-0 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900 focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500/30"
          />
          <CopyButton text={token.value} what="the token" autoFocus />
        </div>
        <p className="text-xs text-slate-500">
          {token.expiresAt ? (
            <>
              Expires <LocalTime iso={token.expiresAt} />.
            </>
          ) : (
            "This token does not expire."
          )}
        </p>
      </div>
      <CurlExample token={token.value} />
      <div id="revealed-token-warning" className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>Make sure to copy your access token now. It will not be shown again.</p>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}

const noSubscription = () => () => {};

/** A ready-to-run request with the new token: who am I, against this console's own API. */
function CurlExample({ token }: { token: string }) {
  // The panel only ever renders in the browser (the token lives in client state); the server snapshot is a fallback.
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const command = `curl -H "Authorization: Bearer ${token}" ${origin}/api/v1/whoami`;
  return (
    <div className="space-y-1">
      <p id="revealed-curl-label" className="text-sm font-medium text-slate-700">
        Try it
      </p>
      <div className="flex items-start gap-2">
        {/* Focusable, so a keyboard user can scroll the long line. */}
        <pre
          tabIndex={0}
          aria-labelledby="revealed-curl-label"
          className="min-w-0 flex-1 overflow-x-auto rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          <code>{command}</code>
        </pre>
        <CopyButton text={command} label="Copy curl" what="the command" />
      </div>
    </div>
  );
}
