"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { Dialog, type MenuDialogProps } from "@/components/ui/dialog";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { regenerateTokenAction } from "@/lib/service-accounts/actions";
import { regenerateTokenSchema } from "@/lib/service-accounts/schemas";
import { isoToInputValue, localDateTimeIso, toDateTimeInputValue } from "./local-datetime";
import type { ManagedAccount } from "./service-account-row-actions";
import { TOKEN_REVEAL_TITLE, TokenRevealPanel, type RevealedTokenView } from "./token-reveal-panel";

type RegenerateTokenDialogProps = MenuDialogProps & { account: ManagedAccount };

/** CloudTruth's REGENERATE TOKEN: a new token now; the previous one dies now or at a chosen time. */
export function RegenerateTokenDialog({ open, onOpenChange, returnFocusTo, account }: RegenerateTokenDialogProps) {
  const router = useRouter();
  const [revealed, setRevealed] = useState<RevealedTokenView | null>(null);

  const change = (next: boolean) => {
    onOpenChange(next);
    if (next || !revealed) return;
    // Closing the reveal, however it is closed, is "Done": forget the value, then show the new state.
    setRevealed(null);
    router.refresh();
  };

  return (
    <Dialog
      open={open}
      onOpenChange={change}
      returnFocusTo={returnFocusTo}
      dismissible={!revealed}
      title={revealed ? TOKEN_REVEAL_TITLE : "Regenerate API Token"}
      description={revealed ? `The new access token for ${account.name}.` : account.name}
    >
      {revealed ? (
        <TokenRevealPanel token={revealed} onDone={() => change(false)} />
      ) : (
        <RegenerateTokenForm account={account} onCancel={() => change(false)} onRegenerated={setRevealed} />
      )}
    </Dialog>
  );
}

function RegenerateTokenForm({
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
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Previous token</legend>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="radio" value="expire_now" className="accent-indigo-600" {...form.register("previousToken")} />
            Expire the previous token immediately
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="radio" value="keep_until" className="accent-indigo-600" {...form.register("previousToken")} />
            Keep the previous token active until
          </label>
        </fieldset>
      ) : (
        <p className="text-sm text-slate-600">The current token is already {account.status}. The new token replaces it.</p>
      )}
      {previousAlive && keep ? (
        <Controller
          control={form.control}
          name="previousTokenExpiresAt"
          render={({ field, fieldState }) => (
            <Field
              id={id}
              label="Previous token expires at"
              error={fieldState.error?.message}
              hint={account.expiresAt ? "No later than the token's own expiry." : "Your local time."}
            >
              <Input
                {...fieldA11y(id, fieldState.error?.message)}
                type="datetime-local"
                min={now}
                max={account.expiresAt ? isoToInputValue(account.expiresAt, "datetime-local") : undefined}
                ref={field.ref}
                name={field.name}
                onBlur={field.onBlur}
                value={isoToInputValue(field.value, "datetime-local")}
                onChange={(e) => field.onChange(localDateTimeIso(e.target.value))}
              />
            </Field>
          )}
        />
      ) : null}
      <p className="text-sm text-slate-600">The new token gets the same lifetime as the current one.</p>
      <FormActions submitLabel="Regenerate" onCancel={onCancel} busy={isSubmitting} />
    </form>
  );
}
