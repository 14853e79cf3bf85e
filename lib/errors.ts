// Expected errors: each has a stable code, a message fit for the user, and (validation) field errors.
export type ErrorCode = "validation" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "internal";
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
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

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: FieldErrors; requestId?: string };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
