import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodType } from "zod";
import {
  auditCheckpointResponse,
  auditEventResponse,
  auditPublicKeyResponse,
  createServiceAccountBody,
  cursorQuery,
  errorResponse,
  idParams,
  introspectBody,
  introspectionResponse,
  listAuditEventsQuery,
  listServiceAccountsQuery,
  regenerateTokenBody,
  revealedTokenResponse,
  serviceAccountDetailResponse,
  serviceAccountResponse,
  updateServiceAccountBody,
  userResponse,
  whoamiResponse,
} from "./schemas";

// The OpenAPI 3.1 document, generated from the zod schemas the route handlers validate with.

const jsonContent = (schema: ZodType) => ({ content: { "application/json": { schema } } });
const page = (item: ZodType) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
// One named error schema (components.schemas.Error), referenced by every error response.
const ErrorBody = errorResponse.meta({ id: "Error" });
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, { description: ERROR_TEXT[status] ?? "Error", ...jsonContent(ErrorBody) }]));
const ERROR_TEXT: Record<number, string> = {
  400: "Malformed JSON or URL",
  401: "Missing, malformed, unknown, expired or revoked token",
  403: "The token's role lacks the permission",
  404: "Not found (also an id that is not one, or a path segment over 100 characters)",
  409: "Conflict",
  422: "Invalid input (code validation; code invalid_cursor for a cursor this API did not issue); details: { fieldErrors, formErrors }",
  429: "Rate limited (see Retry-After)",
  503: "Database unreachable, overloaded or too slow: code unavailable; retry after Retry-After seconds",
};
const common = errors(400, 401, 403, 429, 503);

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "A Keyhold API token: kh_…" });
  // Named schemas become components and are referenced by $ref.
  const ServiceAccount = serviceAccountResponse.meta({ id: "ServiceAccount" });
  const Token = revealedTokenResponse.meta({ id: "RevealedToken" });
  const Detail = serviceAccountDetailResponse.meta({ id: "ServiceAccountDetail" });
  const AuditEvent = auditEventResponse.meta({ id: "AuditEvent" });
  const route = (config: RouteConfig) => registry.registerPath({ security: [{ bearer: [] }], ...config });

  route({ method: "get", path: "/api/v1/whoami", summary: "The calling service account and token", responses: { 200: { description: "The caller", ...jsonContent(whoamiResponse) }, ...common } });
  route({
    method: "get",
    path: "/api/v1/service-accounts",
    summary: "List service accounts",
    request: { query: listServiceAccountsQuery },
    responses: { 200: { description: "A page", ...jsonContent(page(ServiceAccount)) }, ...common, ...errors(422) },
  });
  route({
    method: "post",
    path: "/api/v1/service-accounts",
    summary: "Create a service account and its first token",
    request: { body: { required: true, ...jsonContent(createServiceAccountBody) } },
    responses: { 201: { description: "Created; token.value is shown only here", ...jsonContent(z.object({ serviceAccount: Detail, token: Token })) }, ...common, ...errors(400, 409, 422) },
  });
  route({ method: "get", path: "/api/v1/service-accounts/{id}", summary: "Get a service account", request: { params: idParams }, responses: { 200: { description: "The account and its tokens", ...jsonContent(z.object({ serviceAccount: Detail })) }, ...common, ...errors(404) } });
  route({
    method: "patch",
    path: "/api/v1/service-accounts/{id}",
    summary: "Update description, role or owner",
    request: { params: idParams, body: { required: true, ...jsonContent(updateServiceAccountBody) } },
    responses: { 200: { description: "Updated", ...jsonContent(z.object({ serviceAccount: Detail })) }, ...common, ...errors(400, 404, 422) },
  });
  route({ method: "delete", path: "/api/v1/service-accounts/{id}", summary: "Delete a service account and all its tokens", request: { params: idParams }, responses: { 204: { description: "Deleted" }, ...common, ...errors(404) } });
  route({
    method: "post",
    path: "/api/v1/service-accounts/{id}/tokens",
    summary: "Regenerate the token",
    request: { params: idParams, body: { required: true, ...jsonContent(regenerateTokenBody) } },
    responses: { 201: { description: "The new token; value is shown only here", ...jsonContent(z.object({ token: Token })) }, ...common, ...errors(400, 404, 422) },
  });
  route({ method: "post", path: "/api/v1/tokens/{id}/revoke", summary: "Revoke one token", request: { params: idParams }, responses: { 200: { description: "Revoked", ...jsonContent(z.object({ token: z.object({ id: z.uuid(), revoked: z.literal(true) }) })) }, ...common, ...errors(404, 409) } });
  route({ method: "get", path: "/api/v1/users", summary: "List users (for picking owners)", request: { query: cursorQuery }, responses: { 200: { description: "A page of users", ...jsonContent(page(userResponse)) }, ...common, ...errors(422) } });
  route({
    method: "get",
    path: "/api/v1/audit-events",
    summary: "List audit events, newest first",
    request: { query: listAuditEventsQuery },
    responses: {
      200: {
        description: "A page of events; with format=ndjson, every matching event, one per line",
        content: { "application/json": { schema: page(AuditEvent) }, "application/x-ndjson": { schema: AuditEvent } },
      },
      ...common,
      ...errors(422),
    },
  });
  route({
    method: "post",
    path: "/api/v1/introspect",
    summary: "RFC 7662 token introspection",
    request: { body: { required: true, ...jsonContent(introspectBody) } },
    responses: { 200: { description: "{ active: false } for any token that is not active", ...jsonContent(introspectionResponse) }, ...common, ...errors(400, 422) },
  });
  route({
    method: "get",
    path: "/api/v1/audit-checkpoints",
    summary: "List signed audit checkpoints, newest first",
    request: { query: cursorQuery },
    responses: { 200: { description: "A page of checkpoints", ...jsonContent(page(auditCheckpointResponse.meta({ id: "AuditCheckpoint" }))) }, ...common, ...errors(422) },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/audit-checkpoints/public-key",
    summary: "The Ed25519 public key that signs audit checkpoints (no authentication)",
    responses: { 200: { description: "The key", ...jsonContent(auditPublicKeyResponse) } },
  });
  registry.registerPath({
    method: "get",
    path: "/api/health",
    summary: "Health check (no authentication)",
    responses: { 200: { description: "OK", ...jsonContent(z.object({ status: z.literal("ok") })) } },
  });
  registry.registerPath({
    method: "get",
    path: "/api/health/ready",
    summary: "Readiness check for load balancers (no authentication): 503 while the database is unreachable or migrations are pending",
    responses: {
      200: { description: "Ready", ...jsonContent(z.object({ status: z.literal("ready") })) },
      503: {
        description: "Not ready (Retry-After set)",
        ...jsonContent(z.object({ status: z.literal("unavailable"), reason: z.enum(["database_unreachable", "migrations_pending"]), pending: z.array(z.string()).optional() })),
      },
    },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Keyhold API", version: "1.0.0", description: "Service accounts, API tokens and their audit trail." },
  });
}
