import type { ActionResult } from "@/lib/errors";

/**
 * Field errors about list entries (scopes.1, allowedIps.0) shown on the list's own field; `rename`: the form's
 * name for an operation's field (expiresAt → customExpiresAt).
 */
export function onListFields<T>(result: ActionResult<T>, rename: Record<string, string> = {}): ActionResult<T> {
  if (result.ok || !result.error.fieldErrors) return result;
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(result.error.fieldErrors)) {
    const list = key.split(".", 1)[0]!;
    const field = rename[list] ?? list;
    fieldErrors[field] = [...(fieldErrors[field] ?? []), ...messages];
  }
  return { ok: false, error: { ...result.error, fieldErrors } };
}
