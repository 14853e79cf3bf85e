"use client";
import { useTokenPolicy } from "@/components/policy/token-policy-context";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useRef } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { addTokenAction } from "@/lib/service-accounts/actions";
import type { ScopeChoice } from "@/lib/service-accounts/find-scope-choices";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { expiresAtFor } from "@/lib/service-accounts/schemas";
import { ExpirationFields, usePolicyDefaultExpiration } from "./expiration-fields";
import { addTokenFormSchema, type AddTokenFormInput } from "@/lib/service-accounts/token-schemas";
import { AllowedIpsField, rangesFromText } from "./allowed-ips-field";
import { onListFields } from "./entry-errors";
import { ScopesField } from "./scopes-field";
import { useRevealDialog } from "@/components/ui/use-reveal-dialog";
import { TokenRevealDialog } from "./token-reveal-dialog";
import type { RevealedTokenView } from "./token-reveal-panel";

const FIELDS = ["name", "description", "expiration", "customExpiresAt", "scopes", "allowedIps"] as const satisfies readonly (keyof AddTokenFormInput)[];

type AddTokenProps = { account: { id: string; name: string; role: ServiceAccountRole }; scopeChoices: readonly ScopeChoice[] };

/** Add token (Humanitec): a named token with its own expiry, scopes and ranges, then the copy-once reveal. */
export function AddTokenDialog(props: AddTokenProps) {
  const opener = useRef<HTMLButtonElement>(null);
  const state = useRevealDialog<RevealedTokenView>();

  return (
    <>
      <Button ref={opener} onClick={() => state.onOpenChange(true)}>
        <Plus className="size-4" aria-hidden />
        Add token
      </Button>
      <TokenRevealDialog state={state} returnFocusTo={opener} title="Add token" description={`A new token for ${props.account.name}, with the account's role.`} revealedDescription={`The new access token for ${props.account.name}.`}>
        <AddTokenForm {...props} onCancel={() => state.onOpenChange(false)} onAdded={state.setRevealed} />
      </TokenRevealDialog>
    </>
  );
}

function AddTokenForm({ account, scopeChoices, onCancel, onAdded }: AddTokenProps & { onCancel: () => void; onAdded: (token: RevealedTokenView) => void }) {
  const defaultExpiration = usePolicyDefaultExpiration(account.role);
  const policy = useTokenPolicy();
  const form = useForm({
    resolver: zodResolver(addTokenFormSchema),
    defaultValues: { serviceAccountId: account.id, name: "", description: "", expiration: defaultExpiration, customExpiresAt: undefined, access: "full", scopes: [], allowedIps: policy.defaultAllowedIps.join("\n") } as AddTokenFormInput,
  });
  const { formError, submit } = useFormAction(form, FIELDS);
  const { errors, isSubmitting } = form.formState;
  const [access, allowedIps] = useWatch({ control: form.control, name: ["access", "allowedIps"] });

  const onSubmit = form.handleSubmit(async (input) => {
    if (input.access === "scopes" && input.scopes.length === 0) {
      form.setError("scopes", { message: "Choose at least one scope, or full access" });
      return;
    }
    const expiresAt = expiresAtFor({ expiration: input.expiration, customExpiresAt: input.customExpiresAt })?.toISOString() ?? null;
    const result = await submit(async () =>
      onListFields(
        await addTokenAction({
          serviceAccountId: input.serviceAccountId,
          name: input.name,
          description: input.description,
          expiresAt,
          scopes: input.access === "full" ? null : input.scopes,
          allowedIps: rangesFromText(input.allowedIps),
        }),
        { expiresAt: input.expiration === "custom" ? "customExpiresAt" : "expiration" },
      ),
    );
    if (result.ok) onAdded(result.data);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="add-token-name" label="Token ID" error={errors.name?.message} hint="Unique among the account's live tokens, e.g. ci or deploy-eu.">
        <Input {...fieldA11y("add-token-name", errors.name?.message)} autoComplete="off" spellCheck={false} {...form.register("name")} />
      </Field>
      <Field id="add-token-description" label="Description" error={errors.description?.message}>
        <Textarea {...fieldA11y("add-token-description", errors.description?.message)} rows={2} placeholder="Optional" {...form.register("description")} />
      </Field>
      <ExpirationFields idPrefix="add-token" role={account.role} control={form.control} register={form.register} setValue={form.setValue} error={errors.expiration?.message} />
      <ScopesField choices={scopeChoices} chooses={access === "scopes"} error={errors.scopes?.message} access={form.register("access")} scopes={form.register("scopes")} />
      <AllowedIpsField id="add-token-allowed-ips" value={allowedIps} error={errors.allowedIps?.message} registration={form.register("allowedIps")} />
      <FormActions submitLabel="Add token" onCancel={onCancel} busy={isSubmitting} />
    </form>
  );
}
