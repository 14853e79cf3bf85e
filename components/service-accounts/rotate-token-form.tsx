"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { LocalTime } from "@/components/ui/local-time";
import { useFormAction } from "@/components/ui/use-form-action";
import { rotateTokenAction } from "@/lib/service-accounts/actions";
import { newTokenExpiry } from "@/lib/service-accounts/token-expiry";
import { ROTATE_EXPIRY_CHOICES, rotateTokenFormSchema, type RotateTokenFormInput } from "@/lib/service-accounts/token-schemas";
import { ChoiceSelect, LocalDateField, LocalDateTimeField, RadioChoices } from "./date-fields";
import { isoToInputValue, toDateTimeInputValue } from "./local-datetime";
import type { RotatableToken } from "./rotate-token-dialog";
import type { RevealedTokenView } from "./token-reveal-panel";

const FIELDS = ["previousTokenExpiresAt", "customExpiresAt"] as const;
const EXPIRY_LABELS: Record<(typeof ROTATE_EXPIRY_CHOICES)[number], string> = {
  same: "Same lifetime as before",
  "30": "30 days",
  "90": "90 days",
  "365": "365 days",
  custom: "Custom date",
  never: "Never",
};

/** What the new token's expiry is for this choice: the server's own rule (newTokenExpiry), so the date shown is the one it sets. */
function requestedExpiry(input: Pick<RotateTokenFormInput, "expiry" | "customExpiresAt">, now: number): string | null | undefined {
  if (input.expiry === "same") return undefined;
  if (input.expiry === "never") return null;
  if (input.expiry === "custom") return input.customExpiresAt ?? "";
  return new Date(now + Number(input.expiry) * 86_400_000).toISOString();
}

/** The Rotate dialog's form (loaded apart from the page: components/ui/lazy-form.tsx). */
export function RotateTokenForm({ token, onCancel, onRotated }: { token: RotatableToken; onCancel: () => void; onRotated: (token: RevealedTokenView) => void }) {
  const form = useForm({
    resolver: zodResolver(rotateTokenFormSchema),
    defaultValues: { tokenId: token.id, previousToken: "expire_now", previousTokenExpiresAt: undefined, expiry: "same", customExpiresAt: undefined } as RotateTokenFormInput,
  });
  const { formError, submit } = useFormAction(form, FIELDS);
  const { isSubmitting } = form.formState;
  const [previousToken, expiry, customExpiresAt] = useWatch({ control: form.control, name: ["previousToken", "expiry", "customExpiresAt"] });
  const [now] = useState(() => Date.now());
  const alive = token.status === "active" || token.status === "expiring";
  const requested = requestedExpiry({ expiry, customExpiresAt }, now);
  const resulting = requested === "" ? undefined : newTokenExpiry(requested, { createdAt: new Date(token.createdAt), expiresAt: token.expiresAt ? new Date(token.expiresAt) : null }, new Date(now));

  const onSubmit = form.handleSubmit(async (input) => {
    const previousTokenExpiresAt = alive && input.previousToken === "keep_until" ? (input.previousTokenExpiresAt ?? "") : null;
    const expiresAt = requestedExpiry(input, now); // the date shown is the date sent
    const result = await submit(async () => {
      const answer = await rotateTokenAction({ tokenId: input.tokenId, previousTokenExpiresAt, expiresAt });
      if (answer.ok || !answer.error.fieldErrors?.expiresAt) return answer;
      return { ...answer, error: { ...answer.error, fieldErrors: { ...answer.error.fieldErrors, customExpiresAt: answer.error.fieldErrors.expiresAt } } };
    });
    if (result.ok) onRotated(result.data);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      {alive ? (
        <RadioChoices legend="Old token" choices={[["expire_now", "Stops working now"], ["keep_until", "Keeps working until"]] as const} registration={form.register("previousToken")} />
      ) : (
        <p className="text-sm text-slate-600">The old token has already expired.</p>
      )}
      {alive && previousToken === "keep_until" ? (
        <LocalDateTimeField
          control={form.control}
          name="previousTokenExpiresAt"
          id={`rotate-${token.id}-keep`}
          label="Old token expires at"
          hint="Your local time; no later than the token's own expiry."
          min={toDateTimeInputValue(new Date(now))}
          max={token.expiresAt ? isoToInputValue(token.expiresAt, "datetime-local") : undefined}
        />
      ) : null}
      <ChoiceSelect id={`rotate-${token.id}-expiry`} label="New token expires" choices={ROTATE_EXPIRY_CHOICES} labels={EXPIRY_LABELS} registration={form.register("expiry")} />
      {expiry === "custom" ? <LocalDateField control={form.control} name="customExpiresAt" id={`rotate-${token.id}-date`} label="Expiration date" hint="The token expires at the end of this day, your time." /> : null}
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="rotate-resulting-expiry">
        {resulting === undefined ? "Choose a date." : resulting === null ? "The new token never expires." : (
          <>
            The new token expires <LocalTime iso={resulting.toISOString()} zone />.
          </>
        )}
      </p>
      <FormActions submitLabel="Rotate" onCancel={onCancel} busy={isSubmitting} />
    </form>
  );
}
