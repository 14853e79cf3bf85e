import { z } from "zod";
import { RETRY_AFTER_SECONDS } from "@/lib/db/errors";
import type { ErrorCode, FieldErrors } from "@/lib/errors";
import type { ApiReply } from "./api-reply";

export type ApiErrorCode =
  | ErrorCode
  | "bad_request"
  | "malformed_json"
  | "method_not_allowed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unavailable";

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  malformed_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  insufficient_scope: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  invalid_cursor: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** Every code the API answers with (the OpenAPI document's enum). */
export const API_ERROR_CODES = Object.keys(STATUS) as [ApiErrorCode, ...ApiErrorCode[]];
/** The status each code is answered with. */
export const statusOf = (code: ApiErrorCode) => STATUS[code];

/**
 * The one shape of `details` for input errors, whatever found them (the route's schemas, an action's schema,
 * a conflict on a field, a bad cursor): messages per field, and those about the input as a whole.
 */
export type ValidationDetails = { fieldErrors: FieldErrors; formErrors: string[] };

export const validationDetails = (fieldErrors: FieldErrors = {}, formErrors: string[] = []): ValidationDetails => ({ fieldErrors, formErrors });

export function zodDetails(error: z.ZodError): ValidationDetails {
  const { fieldErrors, formErrors } = z.flattenError(error);
  return validationDetails(fieldErrors as FieldErrors, formErrors);
}

/** The one error body of the API: { error: { code, message, details? } }. */
export function apiError(code: ApiErrorCode, message: string, { details, headers }: { details?: unknown; headers?: Record<string, string> } = {}): ApiReply {
  // However the database's unavailability reached the reply (a route, or an action's result): when to retry.
  if (code === "unavailable") headers = { "Retry-After": String(RETRY_AFTER_SECONDS), ...headers };
  return { status: STATUS[code], body: { error: { code, message, ...(details === undefined ? {} : { details }) } }, headers };
}

/**
 * An expected error (lib/errors.ts) as the API answers it; field errors keep the one details shape. A missing
 * scope is named in the RFC 6750 challenge.
 */
export const appErrorReply = ({ code, message, fieldErrors, scope }: { code: ErrorCode; message: string; fieldErrors?: FieldErrors; scope?: string }) =>
  apiError(code, message, {
    details: fieldErrors ? validationDetails(fieldErrors) : undefined,
    headers: code === "insufficient_scope" && scope ? { "WWW-Authenticate": bearerChallenge("insufficient_scope", scope) } : undefined,
  });

/** An unexpected error: the request id (for the logs) is all the caller learns. */
export const internalError = (requestId: string) =>
  apiError("internal", `Something went wrong. Request id: ${requestId}`, { details: { requestId } });

/**
 * The RFC 6750 challenge: `error="invalid_token"` when a token was sent but is no good, `insufficient_scope` when
 * its role lacks the permission or the token the scope (named), no error at all when no bearer token was sent (RFC 6750 §3.1).
 */
export const bearerChallenge = (error?: "invalid_token" | "insufficient_scope", scope?: string) =>
  `Bearer realm="keyhold"${error ? `, error="${error}"` : ""}${scope ? `, scope="${scope}"` : ""}`;

/** The database is unreachable, overloaded or too slow (lib/db/errors.ts): try again shortly. */
export const unavailableError = () => apiError("unavailable", "Keyhold is temporarily unavailable. Please try again in a few seconds.");

/** Missing, malformed, unknown, expired and revoked tokens all get exactly this (no oracle). */
export const unauthenticated = (tokenSent = false) =>
  apiError("unauthenticated", "A valid API token is required (Authorization: Bearer kh_…).", {
    headers: { "WWW-Authenticate": bearerChallenge(tokenSent ? "invalid_token" : undefined) },
  });
