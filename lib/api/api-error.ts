import type { ErrorCode } from "@/lib/errors";
import type { ApiReply } from "./api-reply";

export type ApiErrorCode = ErrorCode | "bad_request" | "malformed_json" | "method_not_allowed" | "payload_too_large" | "unsupported_media_type";

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  malformed_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limited: 429,
  internal: 500,
};

/** The one error body of the API: { error: { code, message, details? } }. */
export function apiError(code: ApiErrorCode, message: string, { details, headers }: { details?: unknown; headers?: Record<string, string> } = {}): ApiReply {
  return { status: STATUS[code], body: { error: { code, message, ...(details === undefined ? {} : { details }) } }, headers };
}

/** Missing, malformed, unknown, expired and revoked tokens all get exactly this (no oracle). */
export const unauthenticated = (headers?: Record<string, string>) =>
  apiError("unauthenticated", "A valid API token is required (Authorization: Bearer kh_…).", {
    headers: { "WWW-Authenticate": 'Bearer realm="keyhold"', ...headers },
  });
