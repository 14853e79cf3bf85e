"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Input, Textarea } from "@/components/ui/input";
import { RoleSelect } from "@/components/ui/role-select";
import { useFormAction } from "@/components/ui/use-form-action";
import type { CustomScopeRow } from "@/lib/scopes/find-scopes";
import { createScopeAction, updateScopeAction } from "@/lib/scopes/actions";
import { createScopeSchema, SCOPE_MINIMUM_ROLES, updateScopeSchema } from "@/lib/scopes/schemas";

const FIELDS = ["name", "description", "minimumRole"] as const;

/** New scope (no `scope`) or Edit scope: its own button and dialog. */
export function ScopeDialog({ scope }: { scope?: CustomScopeRow }) {
  const [open, setOpen] = useState(false);
  // Radix gives focus back only to its own Trigger; this dialog opens from a plain button.
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      {scope ? (
        <Button ref={opener} variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Edit ${scope.name}`}>
          Edit
        </Button>
      ) : (
        <Button ref={opener} onClick={() => setOpen(true)}>
          New scope
        </Button>
      )}
      <Dialog open={open} onOpenChange={setOpen} returnFocusTo={opener} title={scope ? "Edit scope" : "New scope"} description={scope ? scope.name : "A scope other services can check on tokens, e.g. deploy:write."}>
        <ScopeForm scope={scope} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

// Mounted on open (Radix unmounts closed content), so each opening starts from the scope's current values.
function ScopeForm({ scope, onDone }: { scope?: CustomScopeRow; onDone: () => void }) {
  const router = useRouter();
  // One form for both: editing carries the (immutable, already valid) name along and sends only the rest.
  const form = useForm({
    resolver: zodResolver(createScopeSchema.extend({ id: updateScopeSchema.shape.id.optional() })),
    defaultValues: { id: scope?.id, name: scope?.name ?? "", description: scope?.description ?? "", minimumRole: scope?.minimumRole ?? "CONTRIBUTOR" },
  });
  const { formError, submit } = useFormAction(form, FIELDS);
  const { errors, isSubmitting } = form.formState;
  const id = (field: string) => `scope-${scope?.id ?? "new"}-${field}`;

  const onSubmit = form.handleSubmit(async ({ id: scopeId, name, description, minimumRole }) => {
    const result = await submit(() =>
      scopeId ? updateScopeAction({ id: scopeId, description, minimumRole }) : createScopeAction({ name, description, minimumRole }),
    );
    if (!result.ok) return;
    toast.success(scope ? `${scope.name} updated` : `${name} created`);
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      {scope ? null : (
        <Field id={id("name")} label="Name" error={errors.name?.message} hint="Lower-case letters, digits, ':', '.', '_' and '-'. It cannot be changed later.">
          <Input {...fieldA11y(id("name"), errors.name?.message)} autoComplete="off" placeholder="deploy:write" {...form.register("name")} />
        </Field>
      )}
      <Field id={id("description")} label="Description" error={errors.description?.message}>
        <Textarea {...fieldA11y(id("description"), errors.description?.message)} rows={3} {...form.register("description")} />
      </Field>
      <Field id={id("minimumRole")} label="Minimum role to grant" error={errors.minimumRole?.message} hint="Who may put it on a token: someone who may manage the account and holds at least this role.">
        <RoleSelect roles={SCOPE_MINIMUM_ROLES} {...fieldA11y(id("minimumRole"), errors.minimumRole?.message)} {...form.register("minimumRole")} />
      </Field>
      <FormActions submitLabel={scope ? "Save" : "Create scope"} onCancel={onDone} busy={isSubmitting} />
    </form>
  );
}
