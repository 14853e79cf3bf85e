"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { RoleSelect } from "@/components/ui/role-select";
import { useFormAction } from "@/components/ui/use-form-action";
import type { Role } from "@/lib/db/generated/enums";
import { createUserAction } from "@/lib/users/actions";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";

const FIELDS = ["name", "email", "role", "passwordMode", "password"] as const satisfies readonly (keyof CreateUserInput)[];

export function AddUserDialog({ grantableRoles }: { grantableRoles: readonly Role[] }) {
  const [open, setOpen] = useState(false);
  // Set once a user is added with a generated password: the dialog then shows it, once.
  const [generatedPassword, setGeneratedPassword] = useState<string | null>(null);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) setGeneratedPassword(null);
  };

  return (
    <>
      <Button onClick={() => onOpenChange(true)}>
        <UserPlus className="size-4" aria-hidden />
        Add user
      </Button>
      <Dialog open={open} onOpenChange={onOpenChange} title={generatedPassword ? "User added" : "Add user"}>
        {generatedPassword ? (
          <GeneratedPasswordPanel password={generatedPassword} onDone={() => onOpenChange(false)} />
        ) : (
          <AddUserForm
            grantableRoles={grantableRoles}
            onCancel={() => onOpenChange(false)}
            onAdded={(password) => (password ? setGeneratedPassword(password) : onOpenChange(false))}
          />
        )}
      </Dialog>
    </>
  );
}

function AddUserForm({
  grantableRoles,
  onCancel,
  onAdded,
}: {
  grantableRoles: readonly Role[];
  onCancel: () => void;
  onAdded: (generatedPassword: string | null) => void;
}) {
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(createUserSchema), // the server's own schema: client and server cannot drift
    defaultValues: {
      name: "",
      email: "",
      role: grantableRoles.includes("VIEWER") ? "VIEWER" : grantableRoles[0],
      passwordMode: "generate",
      password: "",
    },
  });
  const { formError, submit } = useFormAction(form, FIELDS);
  const { errors, isSubmitting } = form.formState;
  const setsPassword = useWatch({ control: form.control, name: "passwordMode" }) === "set";

  const onSubmit = form.handleSubmit(async (input) => {
    const password = input.passwordMode === "set" ? input.password : undefined;
    const result = await submit(() => createUserAction({ ...input, password }));
    if (!result.ok) return;
    router.refresh();
    if (!result.data.generatedPassword) toast.success("User added");
    onAdded(result.data.generatedPassword);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={formError} />
      <Field id="add-user-name" label="Name" error={errors.name?.message}>
        <Input {...fieldA11y("add-user-name", errors.name?.message)} autoComplete="off" {...form.register("name")} />
      </Field>
      <Field id="add-user-email" label="Email" error={errors.email?.message}>
        <Input {...fieldA11y("add-user-email", errors.email?.message)} type="email" autoComplete="off" {...form.register("email")} />
      </Field>
      <Field id="add-user-role" label="Role" error={errors.role?.message}>
        <RoleSelect roles={grantableRoles} {...fieldA11y("add-user-role", errors.role?.message)} {...form.register("role")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Initial password</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="radio" value="generate" className="accent-indigo-600" {...form.register("passwordMode")} />
          Generate a password
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="radio" value="set" className="accent-indigo-600" {...form.register("passwordMode")} />
          Set a password
        </label>
      </fieldset>
      {setsPassword ? (
        <Field id="add-user-password" label="Password" error={errors.password?.message} hint="At least 12 characters.">
          <Input
            {...fieldA11y("add-user-password", errors.password?.message)}
            type="password"
            autoComplete="new-password"
            {...form.register("password")}
          />
        </Field>
      ) : null}
      <FormActions submitLabel="Add user" onCancel={onCancel} busy={isSubmitting} />
    </form>
  );
}

function GeneratedPasswordPanel({ password, onDone }: { password: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      toast.error("Could not copy. Select the password and copy it by hand.");
    }
  };

  return (
    <div className="space-y-4">
      <Field id="generated-password" label="Generated password">
        <div className="flex gap-2">
          <Input
            id="generated-password"
            readOnly
            value={password}
            aria-describedby="generated-password-note"
            className="font-mono"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button variant="secondary" onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      </Field>
      <p id="generated-password-note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
        This password will not be shown again.
      </p>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
