"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Input, Select, Textarea } from "@/components/ui/input";
import { RoleSelect } from "@/components/ui/role-select";
import { useFormAction } from "@/components/ui/use-form-action";
import { createServiceAccountAction } from "@/lib/service-accounts/actions";
import { createServiceAccountSchema, type CreateServiceAccountInput } from "@/lib/service-accounts/schemas";
import { ExpirationFields, usePolicyDefaultExpiration } from "./expiration-fields";
import type { CreateTokenProps } from "./create-token-dialog";
import type { RevealedTokenView } from "./token-reveal-panel";

const FIELDS = ["name", "description", "ownerId", "role", "expiration", "customExpiresAt"] as const satisfies readonly (keyof CreateServiceAccountInput)[];

/** The Create Token dialog's form (loaded apart from the page: components/ui/lazy-form.tsx). */
export function CreateTokenForm({
  grantableRoles,
  ownerOptions,
  actorId,
  onCancel,
  onCreated,
}: CreateTokenProps & { onCancel: () => void; onCreated: (created: { name: string; token: RevealedTokenView }) => void }) {
  const initialRole = grantableRoles.includes("VIEWER") ? "VIEWER" : grantableRoles[0]!;
  const defaultExpiration = usePolicyDefaultExpiration(initialRole);
  const form = useForm({
    resolver: zodResolver(createServiceAccountSchema), // the server's own schema: client and server cannot drift
    defaultValues: {
      name: "",
      description: "",
      ownerId: ownerOptions ? actorId : undefined,
      role: initialRole,
      expiration: defaultExpiration,
      customExpiresAt: undefined,
    },
  });
  const { formError, submit } = useFormAction(form, FIELDS);
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });

  const onSubmit = form.handleSubmit(async (input) => {
    const customExpiresAt = input.expiration === "custom" ? input.customExpiresAt : undefined;
    const result = await submit(() => createServiceAccountAction({ ...input, customExpiresAt }));
    if (!result.ok) return;
    onCreated({ name: result.data.serviceAccount.name, token: result.data.token });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="create-token-name" label="Token name" error={errors.name?.message} hint="Typically the service that will use it, e.g. ci-deploy.">
        <Input {...fieldA11y("create-token-name", errors.name?.message)} autoComplete="off" spellCheck={false} {...form.register("name")} />
      </Field>
      <Field id="create-token-description" label="Description" error={errors.description?.message}>
        <Textarea {...fieldA11y("create-token-description", errors.description?.message)} rows={2} placeholder="Optional" {...form.register("description")} />
      </Field>
      {ownerOptions ? (
        <Field id="create-token-owner" label="Owner" error={errors.ownerId?.message}>
          <Select {...fieldA11y("create-token-owner", errors.ownerId?.message)} {...form.register("ownerId")}>
            {ownerOptions.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.id === actorId ? `${owner.name} (you)` : `${owner.name} (${owner.email})`}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-700">Owner</p>
          <p className="text-sm text-slate-900">You</p>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="create-token-role" label="Role" error={errors.role?.message}>
          <RoleSelect roles={grantableRoles} {...fieldA11y("create-token-role", errors.role?.message)} {...form.register("role")} />
        </Field>
      </div>
      <ExpirationFields idPrefix="create-token" role={role} control={form.control} register={form.register} setValue={form.setValue} error={errors.expiration?.message} />
      <FormActions submitLabel="Generate Token" onCancel={onCancel} busy={isSubmitting} />
    </form>
  );
}
