"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { useRevealDialog } from "@/components/ui/use-reveal-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import type { ActionResult } from "@/lib/errors";
import { deleteWebhookAction, rotateWebhookSecretAction, sendTestEventAction, setWebhookEnabledAction } from "@/lib/webhooks/actions";
import type { WebhookSummary } from "@/lib/webhooks/webhook-summary";
import { WebhookSecretDialog } from "./webhook-secret-dialog";

/** An endpoint's buttons: Send test event, Enable/Disable, Rotate secret, Delete. */
export function WebhookActions({ endpoint }: { endpoint: WebhookSummary }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult<unknown>>, success: string) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(success);
      router.refresh();
    });
  return (
    <div className="flex flex-wrap gap-2">
      <Button variant="secondary" disabled={pending} onClick={() => run(() => sendTestEventAction({ id: endpoint.id }), "Test event queued")}>
        Send test event
      </Button>
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => run(() => setWebhookEnabledAction({ id: endpoint.id, enabled: !endpoint.enabled }), endpoint.enabled ? "Endpoint disabled" : "Endpoint enabled")}
      >
        {endpoint.enabled ? "Disable" : "Enable"}
      </Button>
      <RotateSecret endpoint={endpoint} />
      <DeleteEndpoint endpoint={endpoint} />
    </div>
  );
}

function RotateSecret({ endpoint }: { endpoint: WebhookSummary }) {
  const opener = useRef<HTMLButtonElement>(null);
  const state = useRevealDialog<{ secret: string }>();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const rotate = () =>
    startTransition(async () => {
      setError(null);
      const result = await rotateWebhookSecretAction({ id: endpoint.id });
      if (!result.ok) return void setError(result.error.message);
      state.setRevealed({ secret: result.data.secret });
    });
  return (
    <>
      <Button ref={opener} variant="secondary" onClick={() => state.onOpenChange(true)}>
        Rotate secret
      </Button>
      <WebhookSecretDialog
        state={state}
        returnFocusTo={opener}
        title="Rotate secret?"
        description="A new signing secret. For 24 hours requests carry signatures by both, so receivers can switch without missing events."
        revealedDescription="The new signing secret. The previous one also signs for the next 24 hours."
      >
        <div className="space-y-4">
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => state.onOpenChange(false)}>
              Cancel
            </Button>
            <Button onClick={rotate} disabled={pending}>
              Rotate secret
            </Button>
          </div>
        </div>
      </WebhookSecretDialog>
    </>
  );
}

function DeleteEndpoint({ endpoint }: { endpoint: WebhookSummary }) {
  const router = useRouter();
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button ref={opener} variant="danger" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        returnFocusTo={opener}
        title="Delete endpoint?"
        description={`${endpoint.url} gets no more events, and its deliveries log is deleted.`}
        confirmLabel="Delete endpoint"
        action={() => deleteWebhookAction({ id: endpoint.id })}
        successMessage="Endpoint deleted"
        afterSuccess={() => router.push("/admin/webhooks")}
      />
    </>
  );
}
