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
import { createResourceAction } from "@/lib/resources/actions";
import { createResourceSchema } from "@/lib/resources/schemas";

/** Add a resource of one type (e.g. the application checkout). */
export function AddResourceDialog({ type }: { type: string }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={opener} variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Add resource to ${type}`}>
        Add resource
      </Button>
      <Dialog open={open} onOpenChange={setOpen} returnFocusTo={opener} title={`Add ${type} resource`} description="Its name is unique within the type.">
        <AddResourceForm type={type} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function AddResourceForm({ type, onDone }: { type: string; onDone: () => void }) {
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(createResourceSchema), defaultValues: { type, name: "" } });
  const { formError, submit } = useFormAction(form, ["name"]);
  const { errors, isSubmitting } = form.formState;
  const id = `add-resource-${type}-name`;

  const onSubmit = form.handleSubmit(async (input) => {
    const result = await submit(() => createResourceAction(input));
    if (!result.ok) return;
    toast.success(`${type} ${input.name} added`);
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id={id} label="Name" error={errors.name?.message} hint="Letters, digits, '-', '_' and '.', e.g. checkout.">
        <Input {...fieldA11y(id, errors.name?.message)} autoComplete="off" {...form.register("name")} />
      </Field>
      <FormActions submitLabel="Add resource" onCancel={onDone} busy={isSubmitting} />
    </form>
  );
}
