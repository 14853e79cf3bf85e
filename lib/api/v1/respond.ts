import type { ActionResult } from "@/lib/errors";
import { appErrorReply } from "../api-error";
import { json, noContent, type ApiReply } from "../api-reply";

/**
 * Answers with an action's result: the console's actions run unchanged behind the API, so their field errors
 * are renamed to the API's field names (e.g. customExpiresAt → expiresAt).
 */
export function respond<T>(result: ActionResult<T>, toBody: (data: T) => unknown, status = 200, rename: Record<string, string> = {}): ApiReply {
  if (result.ok) return status === 204 ? noContent() : json(toBody(result.data), status);
  const { fieldErrors } = result.error;
  const renamed = fieldErrors && Object.fromEntries(Object.entries(fieldErrors).map(([field, errors]) => [rename[field] ?? field, errors]));
  return appErrorReply({ ...result.error, fieldErrors: renamed });
}
