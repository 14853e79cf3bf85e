"use client";
import { useSyncExternalStore } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { LocalTime } from "@/components/ui/local-time";
import { SecretReveal } from "@/components/ui/secret-reveal";

/** The dialog title while a new token is on show (create and regenerate both switch to it). */
export const TOKEN_REVEAL_TITLE = "Copy your API token";

export type RevealedTokenView = { value: string; expiresAt: string | null };

/** The one time a token's value is shown, with a ready-to-run request that uses it. */
export function TokenRevealPanel({ token, onDone }: { token: RevealedTokenView; onDone: () => void }) {
  return (
    <SecretReveal
      id="revealed-token"
      label="Access token"
      value={token.value}
      what="the token"
      hint={
        token.expiresAt ? (
          <>
            Expires <LocalTime iso={token.expiresAt} />.
          </>
        ) : (
          "This token does not expire."
        )
      }
      warning="Make sure to copy your access token now. It will not be shown again."
      onDone={onDone}
    >
      <CurlExample token={token.value} />
    </SecretReveal>
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
