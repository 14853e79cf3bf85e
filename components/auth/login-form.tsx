"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { signInAction } from "@/lib/auth/actions";
import { signInSchema, type SignInInput } from "@/lib/auth/schemas";

/**
 * `callbackUrl`: the page a signed-out visitor asked for (already checked by safeCallbackPath; the action checks again).
 * `autoFocus`: off when the form is the second way in (below single sign-on).
 */
export function LoginForm({ callbackUrl, autoFocus = true }: { callbackUrl: string | null; autoFocus?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await signInAction(values, callbackUrl);
    // On success the action redirects, so only a refusal comes back.
    if (result && !result.ok) setError(result.error.message);
  });

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <FormError message={error} />
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="username" autoFocus={autoFocus} {...fieldA11y("email", errors.email?.message)} {...form.register("email")} />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...fieldA11y("password", errors.password?.message)} {...form.register("password")} />
      </Field>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
