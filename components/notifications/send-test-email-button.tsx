"use client";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { sendTestEmailAction } from "@/lib/notifications/actions";

/** Queues a test email to the admin's own address; the toast says where it goes. */
export function SendTestEmailButton({ email, disabled }: { email: string; disabled: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      setError(null);
      const result = await sendTestEmailAction({});
      if (!result.ok) return setError(result.error.message);
      toast.success(`Test email queued to ${result.data.to}`);
    });
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button variant="secondary" onClick={send} disabled={disabled || pending} aria-describedby="send-test-email-help">
        {pending ? "Queueing…" : "Send test email"}
      </Button>
      <p id="send-test-email-help" className="text-xs text-slate-600">
        {disabled ? "Available once email is on." : `Sent to you (${email}) through the job queue, like every notice.`}
      </p>
    </div>
  );
}
