"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { useFormAction } from "@/components/ui/use-form-action";
import { regenerateTokenAction } from "@/lib/service-accounts/actions";
import { regenerateTokenSchema } from "@/lib/service-accounts/schemas";
import { LocalDateTimeField, RadioChoices } from "./date-fields";
import { isoToInputValue, toDateTimeInputValue } from "./local-datetime";
import type { ManagedAccount } from "./service-account-row-actions";
import type { RevealedTokenView } from "./token-reveal-panel";

/** The Regenerate token dialog's form (loaded apart from the page: components/ui/lazy-form.tsx). */
export function RegenerateTokenForm({
  account,
  onCancel,
  onRegenerated,
}: {
  account: ManagedAccount;
  onCancel: () => void;
  onRegenerated: (token: RevealedTokenView) => void;
}) {
  const form = useForm({
    resolver: zodResolver(regenerateTokenSchema), // the server's own schema (it refuses a time in the past)
    defaultValues: { serviceAccountId: account.id, previousToken: "expire_now", previousTokenExpiresAt: undefined },
  });
  const { formError, submit } = useFormAction(form, ["previousTokenExpiresAt"]);
  const { isSubmitting } = form.formState;
  const keep = useWatch({ control: form.control, name: "previousToken" }) === "keep_until";
  // An expired or revoked token has nothing left to keep alive: the choice would change nothing.
  const previousAlive = account.status === "active" || account.status === "expiring";
  const id = `regenerate-${account.id}-expires-at`;
  const [now] = useState(() => toDateTimeInputValue(new Date()));

  const onSubmit = form.handleSubmit(async (input) => {
    const previousTokenExpiresAt = input.previousToken === "keep_until" ? input.previousTokenExpiresAt : undefined;
    const result = await submit(() => regenerateTokenAction({ ...input, previousTokenExpiresAt }));
    if (!result.ok) return;
    onRegenerated(result.data);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      {previousAlive ? (
        <RadioChoices
          legend="Previous token"
          choices={[["expire_now", "Expire the previous token immediately"], ["keep_until", "Keep the previous token active until"]] as const}
          registration={form.register("previousToken")}
        />
      ) : (
        <p className="text-sm text-slate-600">The current token is already {account.status}. The new token replaces it.</p>
      )}
      {previousAlive && keep ? (
        <LocalDateTimeField
          control={form.control}
          name="previousTokenExpiresAt"
          id={id}
          label="Previous token expires at"
          hint={account.expiresAt ? "No later than the token's own expiry." : "Your local time."}
          min={now}
          max={account.expiresAt ? isoToInputValue(account.expiresAt, "datetime-local") : undefined}
        />
      ) : null}
      <p className="text-sm text-slate-600">The new token gets the same lifetime as the current one.</p>
      <FormActions submitLabel="Regenerate" onCancel={onCancel} busy={isSubmitting} />
    </form>
  );
}
