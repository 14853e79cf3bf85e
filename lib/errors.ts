// Expected errors: each has a stable code, a message fit for the user, and (validation) field errors.
export type ErrorCode =
  | "validation"
  | "invalid_cursor"
  | "unauthenticated"
  | "forbidden"
  | "insufficient_scope"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "internal"
  | "unavailable";
export type FieldErrors = Record<string, string[]>;

/**
 * Why an access decision said no, for the audit trail's refusal aggregates: a stable reason (e.g.
 * "role_ceiling", "not_owner") and, when the refusal was about one resource, that resource.
 */
export type Refusal = { reason: string; target?: { type: string; id: string; name?: string | null } };

export class AppError extends Error {
  /** Set on forbidden errors that came from an access decision (lib/service-accounts/access.ts). */
  refusal?: Refusal;
  /** On insufficient_scope: the scope the token lacks (the API names it in WWW-Authenticate). */
  scope?: string;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const validationError = (fieldErrors: FieldErrors, message = "Please correct the highlighted fields.") =>
  new AppError("validation", message, fieldErrors);
export const forbiddenError = (message = "You do not have permission to do that.", fieldErrors?: FieldErrors) =>
  new AppError("forbidden", message, fieldErrors);
export const notFoundError = (message = "Not found.") => new AppError("not_found", message);
export const conflictError = (message: string, fieldErrors?: FieldErrors) => new AppError("conflict", message, fieldErrors);

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: FieldErrors; requestId?: string; scope?: string };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
