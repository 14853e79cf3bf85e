"use client";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { lazyForm } from "@/components/ui/lazy-form";
import { useRevealDialog } from "@/components/ui/use-reveal-dialog";
import { WebhookSecretDialog } from "./webhook-secret-dialog";

const { LazyForm: AddWebhookForm, usePreload } = lazyForm(() => import("./add-webhook-form").then((m) => m.AddWebhookForm));

/** Add endpoint: URL, description, events; then its signing secret, once. */
export function AddWebhookDialog() {
  const opener = useRef<HTMLButtonElement>(null);
  const state = useRevealDialog<{ secret: string }>();
  usePreload();
  return (
    <>
      <Button ref={opener} onClick={() => state.onOpenChange(true)}>
        Add endpoint
      </Button>
      <WebhookSecretDialog
        state={state}
        returnFocusTo={opener}
        title="Add endpoint"
        description="Keyhold POSTs the chosen events to this URL, signed (Standard Webhooks)."
        revealedDescription="Requests to the endpoint are signed with this secret."
      >
        <AddWebhookForm onCancel={() => state.onOpenChange(false)} onAdded={(secret) => state.setRevealed({ secret })} />
      </WebhookSecretDialog>
    </>
  );
}
