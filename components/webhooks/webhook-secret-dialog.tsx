"use client";
import type { ComponentProps } from "react";
import { RevealDialog } from "@/components/ui/reveal-dialog";
import { SecretReveal } from "@/components/ui/secret-reveal";

const SECRET_REVEAL_TITLE = "Copy the signing secret";

/** The one time an endpoint's signing secret is shown (added, or rotated). */
export function WebhookSecretPanel({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <SecretReveal
      id="revealed-secret"
      label="Signing secret"
      value={secret}
      what="the secret"
      hint="Verify each request's webhook-signature with it (any Standard Webhooks library)."
      warning="Make sure to copy the secret now. It will not be shown again."
      onDone={onDone}
    />
  );
}

/** A dialog whose form ends in the one-time reveal of a signing secret. */
export function WebhookSecretDialog(props: Omit<ComponentProps<typeof RevealDialog<{ secret: string }>>, "revealedTitle" | "reveal">) {
  return <RevealDialog {...props} revealedTitle={SECRET_REVEAL_TITLE} reveal={({ secret }, done) => <WebhookSecretPanel secret={secret} onDone={done} />} />;
}
