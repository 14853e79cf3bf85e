"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Select, Textarea } from "@/components/ui/input";
import { RoleSelect } from "@/components/ui/role-select";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { updateServiceAccountAction } from "@/lib/service-accounts/actions";
import { updateServiceAccountSchema, type UpdateServiceAccountInput } from "@/lib/service-accounts/schemas";
import type { ManageTokenDialogProps } from "./manage-token-dialog";

const FIELDS = ["description", "ownerId", "role"] as const satisfies readonly (keyof UpdateServiceAccountInput)[];

/**
 * The Edit service account dialog's form (loaded apart from the page: components/ui/lazy-form.tsx). Mounted on
 * open (Radix unmounts closed content), so each opening starts from the account's current values.
 */
export function ManageTokenForm({ account, grantableRoles, ownerOptions, onDone }: Omit<ManageTokenDialogProps, "open" | "onOpenChange"> & { onDone: () => void }) {
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(updateServiceAccountSchema), // the server's own schema
    defaultValues: { id: account.id, description: account.description, ownerId: account.owner.id, role: account.role },
  });
  const { formError, submit } = useFormAction(form, FIELDS);
  const { errors, isSubmitting } = form.formState;
  // Only someone who may grant the current role may change it (the server checks both roles).
  const roleLocked = !grantableRoles.includes(account.role);
  const owners = ownerOptions && !ownerOptions.some((o) => o.id === account.owner.id) ? [account.owner, ...ownerOptions] : ownerOptions;
  const id = (field: string) => `manage-${account.id}-${field}`;

  const onSubmit = form.handleSubmit(async (input) => {
    const result = await submit(() => updateServiceAccountAction(input));
    if (!result.ok) return;
    toast.success(`${account.name} updated`);
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id={id("description")} label="Description" error={errors.description?.message}>
        <Textarea {...fieldA11y(id("description"), errors.description?.message)} rows={3} {...form.register("description")} />
      </Field>
      {owners ? (
        <Field id={id("owner")} label="Owner" error={errors.ownerId?.message}>
          <Select {...fieldA11y(id("owner"), errors.ownerId?.message)} {...form.register("ownerId")}>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name} ({owner.email})
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-700">Owner</p>
          <p className="text-sm text-slate-900">
            {account.owner.name} <span className="text-slate-500">({account.owner.email})</span>
          </p>
        </div>
      )}
      {roleLocked ? (
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-700">Role</p>
          <p className="text-sm text-slate-900">{ROLE_LABELS[account.role]}</p>
          <p className="text-xs text-slate-500">You cannot change a role you are not allowed to grant.</p>
        </div>
      ) : (
        <Field id={id("role")} label="Role" error={errors.role?.message}>
          <RoleSelect roles={grantableRoles} {...fieldA11y(id("role"), errors.role?.message)} {...form.register("role")} />
        </Field>
      )}
      <FormActions submitLabel="Update" onCancel={onDone} busy={isSubmitting} />
    </form>
  );
}
