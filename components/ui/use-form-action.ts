"use client";
import { useState } from "react";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/errors";
import { applyActionError } from "./apply-action-error";

/**
 * Runs a form's server action and shows what went wrong: field errors on their fields, anything else as
 * `formError` (render it with FormError). The caller goes on only when the result is ok.
 */
export function useFormAction<T extends FieldValues>(form: { setError: UseFormSetError<T> }, fields: readonly FieldPath<T>[]) {
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async <R>(action: () => Promise<ActionResult<R>>): Promise<ActionResult<R>> => {
    setFormError(null);
    const result = await action();
    if (!result.ok) setFormError(applyActionError(form, result.error, fields));
    return result;
  };

  return { formError, submit };
}
