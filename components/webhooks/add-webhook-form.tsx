"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { createWebhookAction } from "@/lib/webhooks/actions";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createWebhookSchema } from "@/lib/webhooks/schemas";

const FIELDS = ["url", "description", "events"] as const;

export function AddWebhookForm({ onCancel, onAdded }: { onCancel: () => void; onAdded: (secret: string) => void }) {
  const form = useForm({ resolver: zodResolver(createWebhookSchema), defaultValues: { url: "", description: "", events: [...WEBHOOK_EVENTS] } });
  const { formError, submit } = useFormAction(form, FIELDS);
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (input) => {
    const result = await submit(() => createWebhookAction(input));
    if (result.ok) onAdded(result.data.secret);
  });
  const eventsError = errors.events?.message ?? errors.events?.root?.message ?? (Array.isArray(errors.events) ? errors.events.find(Boolean)?.message : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="webhook-url" label="URL" error={errors.url?.message} hint="http:// or https://, on a public address.">
        <Input {...fieldA11y("webhook-url", errors.url?.message)} type="url" inputMode="url" autoComplete="off" placeholder="https://example.com/keyhold-webhooks" {...form.register("url")} />
      </Field>
      <Field id="webhook-description" label="Description (optional)" error={errors.description?.message}>
        <Textarea {...fieldA11y("webhook-description", errors.description?.message)} rows={2} {...form.register("description")} />
      </Field>
      <fieldset className="space-y-2" aria-describedby={eventsError ? "webhook-events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <ul className="max-h-56 space-y-1.5 overflow-y-auto rounded-md border border-slate-200 p-2">
          {WEBHOOK_EVENTS.map((event) => (
            <li key={event}>
              <label className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" value={event} className="mt-0.5 accent-indigo-600" {...form.register("events")} />
                <span className="min-w-0">
                  <span className="font-mono text-slate-900">{event}</span>
                  <span className="block text-xs text-slate-500">{WEBHOOK_EVENT_LABELS[event]}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {eventsError ? (
          <p id="webhook-events-error" role="alert" className="text-sm text-red-600">
            {eventsError}
          </p>
        ) : null}
      </fieldset>
      <FormActions submitLabel="Add endpoint" onCancel={onCancel} busy={isSubmitting} />
    </form>
  );
}
