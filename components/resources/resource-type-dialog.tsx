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
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { createResourceTypeAction, updateResourceTypeAction } from "@/lib/resources/actions";
import { resourceTypeFormSchema } from "@/lib/resources/schemas";

type TypeFacts = { id: string; name: string; roles: readonly string[] };
const ROLES_HINT = "From least to most privileged, separated by commas, e.g. viewer, developer, owner. A role that is granted cannot be removed.";

/** New resource type (no `type`), or Edit roles of one: its own button and dialog. */
export function ResourceTypeDialog({ type }: { type?: TypeFacts }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      {type ? (
        <Button ref={opener} variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Edit roles of ${type.name}`}>
          Edit roles
        </Button>
      ) : (
        <Button ref={opener} onClick={() => setOpen(true)}>
          New resource type
        </Button>
      )}
      <Dialog open={open} onOpenChange={setOpen} returnFocusTo={opener} title={type ? "Edit roles" : "New resource type"} description={type ? type.name : "A kind of resource in your other services, with its own roles."}>
        <ResourceTypeForm type={type} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function ResourceTypeForm({ type, onDone }: { type?: TypeFacts; onDone: () => void }) {
  const router = useRouter();
  // The name is immutable: editing carries it along (already valid) and sends only the roles.
  const form = useForm({ resolver: zodResolver(resourceTypeFormSchema), defaultValues: { name: type?.name ?? "", roles: type?.roles.join(", ") ?? "" } });
  const { formError, submit } = useFormAction(form, ["name", "roles"]);
  const { errors, isSubmitting } = form.formState;
  const id = (field: string) => `resource-type-${type?.id ?? "new"}-${field}`;

  const onSubmit = form.handleSubmit(async ({ name, roles }) => {
    const result = await submit(() => (type ? updateResourceTypeAction({ id: type.id, roles }) : createResourceTypeAction({ name, roles })));
    if (!result.ok) return;
    toast.success(type ? `Roles of ${type.name} saved` : `${name} created`);
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      {type ? null : (
        <Field id={id("name")} label="Name" error={errors.name?.message} hint="Lower-case letters, digits, '.', '_' and '-'. It cannot be changed later.">
          <Input {...fieldA11y(id("name"), errors.name?.message)} autoComplete="off" placeholder="application" {...form.register("name")} />
        </Field>
      )}
      <Field id={id("roles")} label="Roles" error={errors.roles?.message} hint={ROLES_HINT}>
        <Input {...fieldA11y(id("roles"), errors.roles?.message)} autoComplete="off" placeholder="viewer, developer, owner" {...form.register("roles")} />
      </Field>
      <FormActions submitLabel={type ? "Save roles" : "Create type"} onCancel={onDone} busy={isSubmitting} />
    </form>
  );
}
