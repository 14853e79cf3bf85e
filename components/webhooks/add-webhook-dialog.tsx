"use client";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { lazyForm } from "@/components/ui/lazy-form";
import { useRevealDialog } from "@/components/service-accounts/use-reveal-dialog";
import { SECRET_REVEAL_TITLE, WebhookSecretPanel } from "./webhook-secret-panel";

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
      <Dialog
        open={state.open}
        onOpenChange={state.onOpenChange}
        returnFocusTo={opener}
        dismissible={!state.revealed}
        title={state.revealed ? SECRET_REVEAL_TITLE : "Add endpoint"}
        description={state.revealed ? "Requests to the endpoint are signed with this secret." : "Keyhold POSTs the chosen events to this URL, signed (Standard Webhooks)."}
      >
        {state.revealed ? (
          <WebhookSecretPanel secret={state.revealed.secret} onDone={() => state.onOpenChange(false)} />
        ) : (
          <AddWebhookForm onCancel={() => state.onOpenChange(false)} onAdded={(secret) => state.setRevealed({ secret })} />
        )}
      </Dialog>
    </>
  );
}
