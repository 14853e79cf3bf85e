"use client";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { lazyForm } from "@/components/ui/lazy-form";
import { useRevealDialog } from "@/components/ui/use-reveal-dialog";
import { TokenRevealDialog } from "./token-reveal-dialog";
import type { RevealedTokenView } from "./token-reveal-panel";

export type RotatableToken = { id: string; name: string; hint: string; createdAt: string; expiresAt: string | null; status: string };

const { LazyForm: RotateTokenForm, usePreload } = lazyForm(() => import("./rotate-token-form").then((m) => m.RotateTokenForm));

/** Rotate one token: a new value with the same Token ID, scopes and ranges; the old one dies now or later. */
export function RotateTokenButton({ token }: { token: RotatableToken }) {
  const opener = useRef<HTMLButtonElement>(null);
  const state = useRevealDialog<RevealedTokenView>();
  usePreload();
  return (
    <>
      <Button ref={opener} variant="secondary" size="sm" onClick={() => state.onOpenChange(true)} aria-label={`Rotate token ${token.hint} (${token.name})`}>
        Rotate
      </Button>
      <TokenRevealDialog
        state={state}
        returnFocusTo={opener}
        title={`Rotate token ${token.name}`}
        description={`A new value for ${token.name} (${token.hint}), with the same Token ID, scopes and allowed ranges.`}
        revealedDescription={`The new value of ${token.name}.`}
      >
        <RotateTokenForm token={token} onCancel={() => state.onOpenChange(false)} onRotated={state.setRevealed} />
      </TokenRevealDialog>
    </>
  );
}

