"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState, type RefObject } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Select } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { putGrantAction } from "@/lib/grants/actions";
import type { AccountAccess, GrantRow } from "@/lib/grants/find-grants";
import { putGrantSchema } from "@/lib/grants/schemas";

type Types = AccountAccess["types"];
const FIELDS = ["type", "resource", "role"] as const;

/** Grant access (type → resource → role), or, given a grant, Change role on its resource. */
export function GrantDialog({ accountId, types, grant, triggerRef }: { accountId: string; types: Types; grant?: GrantRow; triggerRef?: RefObject<HTMLButtonElement | null> }) {
  const [open, setOpen] = useState(false);
  const ownOpener = useRef<HTMLButtonElement>(null);
  const opener = triggerRef ?? ownOpener;
  return (
    <>
      {grant ? (
        <Button ref={opener} variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={`Change role on ${grant.type} ${grant.resource}`}>
          Change role
        </Button>
      ) : (
        <Button ref={opener} onClick={() => setOpen(true)}>
          Grant access
        </Button>
      )}
      <Dialog open={open} onOpenChange={setOpen} returnFocusTo={opener} title={grant ? "Change role" : "Grant access"} description={grant ? `${grant.type} ${grant.resource}` : "Give this account a role on a resource."}>
        <GrantForm accountId={accountId} types={types} grant={grant} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function GrantForm({ accountId, types, grant, onDone }: { accountId: string; types: Types; grant?: GrantRow; onDone: () => void }) {
  const router = useRouter();
  const first = types.find((t) => t.resources.length) ?? types[0];
  const form = useForm({
    resolver: zodResolver(putGrantSchema),
    defaultValues: grant
      ? { serviceAccountId: accountId, type: grant.type, resource: grant.resource, role: grant.role }
      : { serviceAccountId: accountId, type: first?.name ?? "", resource: first?.resources[0] ?? "", role: first?.roles[0] ?? "" },
  });
  const { formError, submit } = useFormAction(form, FIELDS);
  const { errors, isSubmitting } = form.formState;
  const typeName = useWatch({ control: form.control, name: "type" });
  const type = types.find((t) => t.name === typeName);
  const id = (field: string) => `grant-${grant ? `${grant.type}-${grant.resource}` : "new"}-${field}`;

  // A new type offers its own resources and roles: start from its first of each.
  const typeField = form.register("type", {
    onChange: (event: { target: { value: string } }) => {
      const next = types.find((t) => t.name === event.target.value);
      form.setValue("resource", next?.resources[0] ?? "");
      form.setValue("role", next?.roles[0] ?? "");
    },
  });

  const onSubmit = form.handleSubmit(async (input) => {
    const result = await submit(() => putGrantAction(input));
    if (!result.ok) return;
    toast.success(`${input.role} on ${input.type} ${input.resource}`);
    onDone();
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      {grant ? null : (
        <>
          <Field id={id("type")} label="Resource type" error={errors.type?.message}>
            <Select {...fieldA11y(id("type"), errors.type?.message)} {...typeField}>
              {types.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={id("resource")} label="Resource" error={errors.resource?.message} hint={type?.resources.length ? undefined : "This type has no resources yet: add them in Admin → Resources."}>
            <Select {...fieldA11y(id("resource"), errors.resource?.message)} {...form.register("resource")}>
              {type?.resources.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        </>
      )}
      <Field id={id("role")} label="Role" error={errors.role?.message}>
        <Select {...fieldA11y(id("role"), errors.role?.message)} {...form.register("role")}>
          {(type?.roles ?? [grant?.role ?? ""]).map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </Select>
      </Field>
      <FormActions submitLabel={grant ? "Change role" : "Grant"} onCancel={onDone} busy={isSubmitting} />
    </form>
  );
}
