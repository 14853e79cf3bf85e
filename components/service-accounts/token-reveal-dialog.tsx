"use client";
import type { ComponentProps } from "react";
import { RevealDialog } from "@/components/ui/reveal-dialog";
import { TOKEN_REVEAL_TITLE, TokenRevealPanel, type RevealedTokenView } from "./token-reveal-panel";

/** A dialog whose form ends in the one-time reveal of a token's value. */
export function TokenRevealDialog(props: Omit<ComponentProps<typeof RevealDialog<RevealedTokenView>>, "revealedTitle" | "reveal">) {
  return <RevealDialog {...props} revealedTitle={TOKEN_REVEAL_TITLE} reveal={(token, done) => <TokenRevealPanel token={token} onDone={done} />} />;
}
