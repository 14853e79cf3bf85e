import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import type { ActionError } from "@/lib/errors";

/**
 * Puts a failed action's field errors on the form's fields (focusing the first), so they show where they
 * belong. Returns the message for the form as a whole when none of `fields` had one, else null.
 */
export function applyActionError<T extends FieldValues>(
  form: { setError: UseFormSetError<T> },
  error: ActionError,
  fields: readonly FieldPath<T>[],
): string | null {
  let shown = false;
  for (const field of fields) {
    const message = error.fieldErrors?.[field]?.[0];
    if (message) {
      form.setError(field, { message }, { shouldFocus: !shown });
      shown = true;
    }
  }
  return shown ? null : error.message;
}
