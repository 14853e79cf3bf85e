import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { SchemaObject } from "openapi3-ts/oas31";
import { z, type ZodType } from "zod";
import { statusOf, type ApiErrorCode } from "@/lib/api/api-error";
import { errorResponse } from "./schemas";

// The parts of the OpenAPI document every operation shares: the error body, the error responses and the
// headers the API sends (lib/api/rate-limit.ts, lib/api/api-error.ts).

export const jsonContent = (schema: ZodType) => ({ content: { "application/json": { schema } } });

const header = (description: string) => ({ description, schema: { type: "integer" as const, minimum: 0 } });
const HEADERS = {
  "RateLimit-Limit": header("Requests allowed per minute for this token (KEYHOLD_API_RATE_LIMIT)"),
  "RateLimit-Remaining": header("Requests left in the current minute"),
  "RateLimit-Reset": header("Seconds until the current minute's allowance is renewed"),
  "Retry-After": header("Seconds to wait before trying again"),
  "WWW-Authenticate": {
    description: 'RFC 6750 challenge: Bearer realm="keyhold", with error="invalid_token" when a token was sent but is not valid, error="insufficient_scope" when its role lacks the permission',
    schema: { type: "string" as const },
  },
};
type HeaderName = keyof typeof HEADERS;
const refs = (...names: HeaderName[]) => Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

/** The headers of every answer to an authenticated request. */
export const rateLimitHeaders = () => refs("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

/** Each shared error response: its component name, what it means, its codes and the headers it carries. */
const ERRORS: Record<number, { name: string; description: string; codes: ApiErrorCode[]; headers?: HeaderName[] }> = {
  400: { name: "BadRequest", description: "Malformed JSON or URL", codes: ["bad_request", "malformed_json"] },
  401: { name: "Unauthenticated", description: "Missing, malformed, unknown, expired or revoked token, or one used from outside its allowed IP ranges (all alike)", codes: ["unauthenticated"], headers: ["WWW-Authenticate"] },
  403: { name: "Forbidden", description: "The token's role lacks the permission (forbidden), its scopes lack the one named in WWW-Authenticate (insufficient_scope), or the access rule refuses this account", codes: ["forbidden", "insufficient_scope"], headers: ["WWW-Authenticate", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"] },
  404: { name: "NotFound", description: "Not found (also an id that is not one, or a path segment over 100 characters)", codes: ["not_found"] },
  405: { name: "MethodNotAllowed", description: "The path exists but not with this method (see the Allow header)", codes: ["method_not_allowed"] },
  409: { name: "Conflict", description: "Conflict with the current state (e.g. a name in use, a token already revoked)", codes: ["conflict"] },
  413: { name: "PayloadTooLarge", description: "The body is over 64 KiB", codes: ["payload_too_large"] },
  415: { name: "UnsupportedMediaType", description: "The body's Content-Type is not one the operation accepts", codes: ["unsupported_media_type"] },
  422: { name: "Invalid", description: "Invalid input (validation; invalid_cursor for a cursor this API did not issue); details: { fieldErrors, formErrors }", codes: ["validation", "invalid_cursor"] },
  429: { name: "RateLimited", description: "Rate limited: the token's requests per minute, failed authentications from this address, or leak reports from this address per hour", codes: ["rate_limited"], headers: ["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"] },
  500: { name: "InternalError", description: "Unexpected error; details.requestId identifies it in the logs", codes: ["internal"] },
  503: { name: "Unavailable", description: "The database is unreachable or overloaded: try again later", codes: ["unavailable"], headers: ["Retry-After"] },
};

/** Registers the Error schema, the shared headers and responses; returns a function picking responses by status. */
export function registerShared(registry: OpenAPIRegistry) {
  // As plain JSON Schema (draft 2020-12, which OpenAPI 3.1 uses): the shared responses below are components
  // themselves, and only zod schemas used inside a path are turned into components by the generator.
  const errorSchema: Record<string, unknown> = z.toJSONSchema(errorResponse);
  delete errorSchema.$schema;
  registry.registerComponent("schemas", "Error", errorSchema as SchemaObject);
  for (const [name, value] of Object.entries(HEADERS)) registry.registerComponent("headers", name, value);
  for (const [status, { name, description, codes, headers }] of Object.entries(ERRORS)) {
    if (codes.some((code) => statusOf(code) !== Number(status))) throw new Error(`error codes of ${status} answer another status`);
    registry.registerComponent("responses", name, {
      description: `${description}. Codes: ${codes.join(", ")}`,
      ...(headers ? { headers: refs(...headers) } : {}),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    });
  }
  return (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, { $ref: `#/components/responses/${ERRORS[status]!.name}` }]));
}

/** The error codes an operation's documented responses can carry (its shared error responses, by $ref). */
export function errorCodesOf(responses: Record<string, unknown>): ApiErrorCode[] {
  const byName = new Map(Object.values(ERRORS).map((error) => [`#/components/responses/${error.name}`, error.codes]));
  return Object.values(responses).flatMap((response) => byName.get((response as { $ref?: string }).$ref ?? "") ?? []);
}

export const emptyObject = z.object({}).strict();
