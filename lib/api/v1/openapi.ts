import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodType } from "zod";
import { env } from "@/lib/config/env";
import { CATALOG_TAG, documentCatalog } from "./catalog-openapi";
import { describeAccess, operationAccess } from "./openapi-access";
import { emptyObject, errorCodesOf, jsonContent, rateLimitHeaders, registerShared } from "./openapi-components";
import { API_ROUTES } from "./routes";
import { documentLeakReports } from "./leak-openapi";
import { documentTokenRoutes } from "./token-openapi";
import { tokenItemResponse } from "./token-schemas";
import { documentWebhooks, WEBHOOK_TAG } from "./webhook-openapi";
import { KEYHOLD_FILE_SCHEMA_PATH } from "@/lib/provisioning/file-schema";
import { reportOutsideEventBody } from "@/lib/authz/outside-event-schema";
import { authorizeFormBody, authorizeJsonBody } from "@/lib/authz/schemas";
import { authorizeResponse, introspectBody, reportedEventResponse } from "./authz-schemas";
import {
  auditCheckpointResponse,
  auditEventResponse,
  auditPublicKeyResponse,
  createServiceAccountBody,
  cursorQuery,
  exportAuditEventsQuery,
  idParams,
  introspectionResponse,
  listAuditEventsQuery,
  listServiceAccountsQuery,
  revealedTokenResponse,
  serviceAccountDetailResponse,
  serviceAccountResponse,
  tokenParameterBody,
  updateServiceAccountBody,
  userResponse,
  whoamiResponse,
} from "./schemas";

// The OpenAPI 3.1 document, generated from the zod schemas the route handlers validate with. Each operation's
// operationId and tag come from the route table (routes.ts); a route left undocumented stops start-up.

const page = (item: ZodType) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });
const ok = (description: string, schema?: ZodType) => ({ description, headers: rateLimitHeaders(), ...(schema ? jsonContent(schema) : {}) });
// RFC 7662 §2.1 / RFC 7009 §2.1 bodies: form-encoded as the RFCs say, or JSON.
const formOrJson = (schema: ZodType) => ({ required: true, content: { "application/x-www-form-urlencoded": { schema }, "application/json": { schema } } });
const tokenParameter = formOrJson(tokenParameterBody);
const TAGS = [
  { name: "Service accounts", description: "Service accounts, who calls" },
  { name: "Tokens", description: "Add, rotate, update, revoke and introspect API tokens" },
  { name: "Users", description: "Console users (owners of service accounts)" },
  { name: "Audit", description: "The hash-chained audit log and its signed checkpoints" },
  CATALOG_TAG,
  WEBHOOK_TAG,
  { name: "Public", description: "Needs no token" },
];

// Send exactly one of token and tokenId: an example built from the schema alone would carry both.
const OUTSIDE_EVENT_EXAMPLE = { token: "kh_…", action: "ext.deployer.released", target: { type: "application", id: "billing-api" }, result: "success", metadata: { version: "1.4.2" } };

export function openApiDocument(publicUrl = env().KEYHOLD_PUBLIC_URL) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "A Keyhold API token: kh_…" });
  const errors = registerShared(registry);
  // Every token-authenticated operation can answer these.
  const common = errors(401, 403, 405, 429, 500, 503);
  const withBody = errors(400, 413, 415, 422);
  // The list's item; tokens only with include=tokens.
  const ServiceAccount = serviceAccountResponse.extend({ tokens: z.array(tokenItemResponse.meta({ id: "Token" })).optional().describe("With include=tokens only: as listTokens answers") }).meta({ id: "ServiceAccount" });
  const Token = revealedTokenResponse.meta({ id: "RevealedToken" });
  const Detail = serviceAccountDetailResponse.meta({ id: "ServiceAccountDetail" });
  const AuditEvent = auditEventResponse.meta({ id: "AuditEvent" });
  const documented = new Set<string>();
  const route = (config: RouteConfig) => {
    const key = `${config.method.toUpperCase()} ${config.path}`;
    const table = API_ROUTES.find((r) => `${r.method} ${r.path}` === key);
    if (!table) throw new Error(`${key} is documented but not in the route table`);
    documented.add(key);
    const access = operationAccess(table);
    const responses = { ...config.responses, ...common };
    const description = [config.description, describeAccess(access)].filter(Boolean).join("\n\n");
    registry.registerPath({ operationId: table.operationId, tags: [table.tag], security: [{ bearer: [] }], ...config, description, responses, ...access, "x-keyhold-error-codes": errorCodesOf(responses) });
  };
  const publicRoute = (config: RouteConfig & { operationId: string }) => {
    const responses = { ...config.responses, ...errors(405, 500) };
    registry.registerPath({ tags: ["Public"], security: [], ...config, responses, "x-keyhold-error-codes": errorCodesOf(responses) });
  };

  route({ method: "get", path: "/api/v1/whoami", summary: "The calling service account and token", responses: { 200: ok("The caller", whoamiResponse) } });
  route({ method: "get", path: "/api/v1/service-accounts", summary: "List service accounts", request: { query: listServiceAccountsQuery }, responses: { 200: ok("A page", page(ServiceAccount)), ...errors(400, 422) } });
  route({
    method: "post",
    path: "/api/v1/service-accounts",
    summary: "Create a service account and its first token",
    request: { body: { required: true, ...jsonContent(createServiceAccountBody) } },
    responses: { 201: ok("Created; token.value is shown only here", z.object({ serviceAccount: Detail, token: Token })), ...withBody, ...errors(409) },
  });
  route({ method: "get", path: "/api/v1/service-accounts/{id}", summary: "Get a service account", request: { params: idParams }, responses: { 200: ok("The account and its tokens", z.object({ serviceAccount: Detail })), ...errors(400, 404) } });
  route({
    method: "patch",
    path: "/api/v1/service-accounts/{id}",
    summary: "Update description, role or owner",
    request: { params: idParams, body: { required: true, ...jsonContent(updateServiceAccountBody.meta({ minProperties: 1 })) } },
    responses: { 200: ok("Updated", z.object({ serviceAccount: Detail })), ...withBody, ...errors(404, 409) },
  });
  route({ method: "delete", path: "/api/v1/service-accounts/{id}", summary: "Delete a service account and all its tokens", request: { params: idParams }, responses: { 204: { description: "Deleted", headers: rateLimitHeaders() }, ...errors(400, 404, 409) } });
  documentTokenRoutes({ route, ok, errors });
  route({ method: "post", path: "/api/v1/tokens/{id}/revoke", summary: "Revoke one token by its id", request: { params: idParams }, responses: { 200: ok("Revoked", z.object({ token: z.object({ id: z.uuid(), revoked: z.literal(true) }) })), ...errors(400, 404, 409) } });
  route({
    method: "post",
    path: "/api/v1/tokens/{id}/resume",
    summary: "Resume a suspended token",
    description: "Brings back a token the stale-token policy suspended (Admin → Settings → Token policy); its resume counts as activity. 409 when the token is not suspended or is revoked.",
    request: { params: idParams },
    responses: { 200: ok("Resumed", z.object({ token: z.object({ id: z.uuid(), resumedAt: z.iso.datetime() }) })), ...errors(400, 404, 409) },
  });
  route({ method: "get", path: "/api/v1/users", summary: "List users (for picking owners)", request: { query: cursorQuery }, responses: { 200: ok("A page of users", page(userResponse)), ...errors(400, 422) } });
  route({
    method: "get",
    path: "/api/v1/audit-events",
    summary: "List audit events, newest first",
    description: "`format=ndjson` is a deprecated alias of `GET /api/v1/audit-events/export` (exportAuditEvents); it keeps working.",
    request: { query: listAuditEventsQuery.extend({ format: z.literal("json").optional().describe("Deprecated; only json is documented (ndjson: use exportAuditEvents)") }) },
    responses: { 200: ok("A page of events", page(AuditEvent)), ...errors(400, 422) },
  });
  route({
    method: "get",
    path: "/api/v1/audit-events/export",
    summary: "Export audit events as NDJSON, oldest first",
    description: "Every matching event, one JSON object (an AuditEvent) per line, streamed. To resume an interrupted pull, pass the last id received as `after`. The export is itself audited (audit.exported).",
    request: { query: exportAuditEventsQuery },
    responses: { 200: { description: "One AuditEvent per line", headers: rateLimitHeaders(), content: { "application/x-ndjson": { schema: AuditEvent } } }, ...errors(400, 422) },
  });
  route({
    method: "post",
    path: "/api/v1/introspect",
    summary: "RFC 7662 token introspection (INTROSPECTOR token as Bearer)",
    description: "Adds `scope` and RFC 9396 `authorization_details` for an active token. With `client_ip`, a token whose allowed IP ranges exclude that address is `{ \"active\": false }`.",
    request: { body: formOrJson(introspectBody) },
    responses: { 200: ok('{ "active": false } alone for any token that is not active', introspectionResponse), ...withBody },
  });
  route({
    method: "post",
    path: "/api/v1/revoke",
    summary: "RFC 7009 token revocation",
    description: "Any valid token may revoke itself; other tokens as the access rule allows (an ADMIN token any). The answer is 200 whether or not anything was revoked.",
    request: { body: tokenParameter },
    responses: { 200: ok("Done (or nothing to do)", emptyObject), ...withBody },
  });
  route({
    method: "post",
    path: "/api/v1/authorize",
    summary: "May this token do this, here, from there (INTROSPECTOR or ADMIN token as Bearer)",
    description:
      "Checks, in order: the token is active (`inactive`), `client_ip` is within its allowed ranges (`ip_denied`), it carries every scope in `scope` (`scope_missing`), and its account holds `resource.privilege` or a role after it in the type's ordered roles on that resource (`no_grant`; also for a type or privilege Keyhold does not know). Form-encoded, the resource is `resource[type]`, `resource[identifier]`, `resource[privilege]`. Denials are audited as aggregates (token.authorize_denied).",
    request: { body: { required: true, content: { "application/x-www-form-urlencoded": { schema: authorizeFormBody }, "application/json": { schema: authorizeJsonBody } } } },
    responses: { 200: ok("The answer", authorizeResponse), ...withBody },
  });
  route({
    method: "post",
    path: "/api/v1/audit-events",
    summary: "Report what a token did in another service (an outside event)",
    description:
      "The event's actor is the token's service account (and the token); `metadata.source` is the reporting service account, `metadata.details` what you sent. It is chained like every event and shows in the Audit Log (Action filter: Outside events).",
    request: { body: { required: true, content: { "application/json": { schema: reportOutsideEventBody, example: OUTSIDE_EVENT_EXAMPLE } } } },
    responses: { 201: ok("Recorded", reportedEventResponse), ...withBody },
  });
  route({ method: "get", path: "/api/v1/audit-checkpoints", summary: "List signed audit checkpoints, newest first", request: { query: cursorQuery }, responses: { 200: ok("A page of checkpoints", page(auditCheckpointResponse.meta({ id: "AuditCheckpoint" }))), ...errors(400, 422) } });
  documentCatalog({ route, ok, errors });
  documentWebhooks({ route, ok, errors });
  publicRoute({ method: "get", path: "/api/v1/audit-checkpoints/public-key", operationId: "getAuditPublicKey", summary: "The Ed25519 public key that signs audit checkpoints", responses: { 200: { description: "The key", ...jsonContent(auditPublicKeyResponse) } } });
  documentLeakReports(publicRoute, errors);
  publicRoute({
    method: "get",
    path: KEYHOLD_FILE_SCHEMA_PATH,
    operationId: "getProvisioningFileSchema",
    summary: "The JSON Schema of the provisioning file (keyhold apply, keyhold export)",
    responses: { 200: { description: "A JSON Schema (draft 2020-12)", ...jsonContent(z.record(z.string(), z.unknown())) } },
  });
  publicRoute({ method: "get", path: "/api/health", operationId: "health", summary: "Health check", responses: { 200: { description: "OK", ...jsonContent(z.object({ status: z.literal("ok") })) } } });
  publicRoute({
    method: "get",
    path: "/api/health/ready",
    operationId: "ready",
    summary: "Readiness check for load balancers: 503 while the database is unreachable or migrations are pending",
    responses: {
      200: { description: "Ready", ...jsonContent(z.object({ status: z.literal("ready") })) },
      503: {
        description: "Not ready (Retry-After set)",
        headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" } },
        ...jsonContent(z.object({ status: z.literal("unavailable"), reason: z.enum(["database_unreachable", "migrations_pending"]), pending: z.array(z.string()).optional() })),
      },
    },
  });

  const missing = API_ROUTES.filter((r) => !documented.has(`${r.method} ${r.path}`));
  if (missing.length) throw new Error(`undocumented routes: ${missing.map((r) => `${r.method} ${r.path}`).join(", ")}`);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Keyhold API", version: "1.0.0", description: "Service accounts, API tokens and their audit trail.", license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" } },
    servers: [{ url: publicUrl }],
    tags: TAGS,
  });
}
