import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";
import { recordRefusal } from "@/lib/audit/refusals";
import { actorParty, type ServiceAccountActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import type { BuiltInScope } from "@/lib/auth/scopes";
import { AppError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/http/header-names";
import type { RequestMeta } from "@/lib/http/request-context";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { logError, logRepeatedError } from "@/lib/log";
import { ipAllowed } from "@/lib/validation/cidr";
import { apiError, appErrorReply, bearerChallenge, internalError, unauthenticated, unavailableError, zodDetails } from "./api-error";
import type { ApiReply } from "./api-reply";
import { authenticateTokenNow, bearerToken, type AuthenticatedToken } from "./authenticate-token";
import { recordIpDenied } from "./ip-allowlist";
import { andThen, type MaybePromise } from "./maybe-promise";
import { authFailureLimiter, rateLimitHeaders, tokenLimiter } from "./rate-limit";
import { recordTokenUse } from "./token-usage";

export const MAX_BODY_BYTES = 64 * 1024;

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The parts of an HTTP request a route reads (lib/api/server.ts hands over Fastify's request). */
export type ApiRequest = {
  id: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  params: unknown;
  query: unknown;
  /** The raw body, when one was sent. */
  body?: Buffer;
};

export type ApiContext = { actor: ServiceAccountActor; token: AuthenticatedToken["token"]; meta: RequestMeta };
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

type RouteDefinition<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> = {
  method: ApiMethod;
  /** OpenAPI style: /api/v1/service-accounts/{id}. */
  path: `/api/v1/${string}`;
  /** The OpenAPI document's operationId and tag (lib/api/v1/openapi.ts reads them from here). */
  operationId: string;
  tag: string;
  /** What the calling service account's role must hold, checked by the same guard as the console. */
  permission: Permission | null;
  /** The scope the token needs when not the permission's own (lib/auth/scopes.ts), e.g. tokens:write. */
  scope?: BuiltInScope;
  params?: P;
  query?: Q;
  body?: B;
  /** Also accept application/x-www-form-urlencoded bodies (RFC 7662 and RFC 7009 endpoints, which OAuth libraries call that way). */
  form?: boolean;
  /** Whether the resource the params name is there for this caller: asked before the body is read, so an unknown id is a 404 whatever the body says. */
  found?: (params: Parsed<P>, context: ApiContext) => Promise<boolean>;
  handler: (input: { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> }, context: ApiContext) => MaybePromise<ApiReply>;
};

export type ApiRoute = {
  method: ApiMethod;
  path: string;
  operationId: string;
  tag: string;
  /** As defined (for the OpenAPI document's x-keyhold-permission / x-keyhold-scope). */
  permission: Permission | null;
  scope?: BuiltInScope;
  handle: (request: ApiRequest) => MaybePromise<ApiReply>;
};

/**
 * Every /api/v1 route is built here: token authentication, per-token rate limit, the guard, strict input
 * parsing, usage counting, and one error shape. The refusals decided here (401, 403 for a missing permission,
 * 429) are audited as aggregates (lib/audit/refusals.ts); refusals inside an operation are recorded by runAction.
 */
export function apiRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  definition: RouteDefinition<P, Q, B>,
): ApiRoute {
  // No function is created per request here: tsx (esbuild keepNames) names every closure with
  // Object.defineProperty, about a microsecond a request. And no promise unless something is waited for
  // (maybe-promise.ts): a warm request is answered synchronously.
  function handle(request: ApiRequest): MaybePromise<ApiReply> {
    const meta = requestMeta(request);
    // One clock reading per request (in a Next process every reading goes through Next's Date wrapper).
    const now = Date.now();
    try {
      const presented = bearerToken(header(request, "authorization"));
      const reply = andThen(authenticateTokenNow(presented, now), (auth) => authenticated(definition, request, meta, now, presented !== null, auth));
      return reply instanceof Promise ? reply.catch((error: unknown) => unexpectedErrorReply(error, errorFields(request, meta))) : reply;
    } catch (error) {
      return unexpectedErrorReply(error, errorFields(request, meta));
    }
  }
  const { method, path, operationId, tag, permission, scope } = definition;
  return { method, path, operationId, tag, permission, scope, handle };
}

/** After authentication: the allowlist, the rate limit, the guard, the input, the handler. */
function authenticated<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  definition: RouteDefinition<P, Q, B>,
  request: ApiRequest,
  meta: RequestMeta,
  now: number,
  tokenSent: boolean,
  auth: AuthenticatedToken | null,
): MaybePromise<ApiReply> {
  if (!auth) return refuseUnauthenticated(definition, meta, tokenSent);
  if (!ipAllowed(meta.ip, auth.token.allowedIps)) return refuseUnauthenticated(definition, meta, true, auth.actor);
  return andThen(tokenLimiter().hitNow(auth.token.id, now), (limit) => {
    const headers = rateLimitHeaders(limit);
    if (!limit.allowed) {
      recordApiRefusal(definition, meta, 429, "rate_limited", auth.actor);
      return apiError("rate_limited", `Rate limit of ${limit.limit} requests per minute exceeded.`, { headers });
    }
    recordTokenUse(auth.token.id, auth.actor.id, meta.ip, now);
    const refused = refusedByGuard(definition, meta, auth.actor, headers);
    if (refused) return refused;
    const context = { actor: auth.actor, token: auth.token, meta };
    const reply = andThen(parseInput(request, definition, context), (input) => ("status" in input ? input : definition.handler(input, context)));
    return andThen(reply, (answered) => {
      answered.headers = answered.headers ? { ...headers, ...answered.headers } : headers;
      return answered;
    });
  });
}

/** The guard's refusal (403, insufficient_scope or a missing permission), recorded; null when allowed. */
function refusedByGuard(route: { method: ApiMethod; path: string; permission: Permission | null; scope?: BuiltInScope }, meta: RequestMeta, actor: ServiceAccountActor, headers: Record<string, string>): ApiReply | null {
  try {
    authorize(actor, route.permission, route.scope);
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === "insufficient_scope") {
      recordApiRefusal(route, meta, 403, "insufficient_scope", actor);
      const reply = appErrorReply(error);
      return { ...reply, headers: { ...headers, ...reply.headers } };
    }
    recordApiRefusal(route, meta, 403, "missing_permission", actor);
    return apiError("forbidden", `The ${actor.role} role may not do this.`, { headers: { ...headers, "WWW-Authenticate": bearerChallenge("insufficient_scope") } });
  }
}

export const errorFields = (request: ApiRequest, meta: RequestMeta) => ({ requestId: meta.requestId, method: request.method, path: pathOf(request) });

/**
 * A thrown error as the API answers it: an expected one in its own code, the database being unavailable as 503
 * with Retry-After (logged once per interval with a count, not once per request), anything else as 500.
 */
export function unexpectedErrorReply(error: unknown, fields: { requestId: string; method: string; path: string }): ApiReply {
  if (error instanceof AppError) return appErrorReply(error);
  if (isDatabaseUnavailable(error)) {
    logRepeatedError("api request: database unavailable", error, fields);
    return unavailableError();
  }
  logError("api request failed", error, fields);
  return internalError(fields.requestId);
}

export const header = (request: ApiRequest, name: string): string | null => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

const pathOf = (request: ApiRequest) => request.url.split("?", 1)[0]!;

/** Who is calling, for the audit trail: the address lib/server/server.ts took from the socket. */
export function requestMeta(request: ApiRequest): RequestMeta {
  return { ip: header(request, CLIENT_IP_HEADER), userAgent: header(request, "user-agent")?.slice(0, 512) ?? null, requestId: request.id };
}

/**
 * No valid token. Past the per-address failure limit this costs no database call at all (rate-limit.ts). A valid
 * token used from outside its allowed ranges (`ipDenied`: its account) is answered exactly alike, and recorded as
 * token.ip_denied (lib/api/ip-allowlist.ts).
 */
async function refuseUnauthenticated(route: { method: ApiMethod; path: string }, meta: RequestMeta, tokenSent: boolean, ipDenied?: ServiceAccountActor) {
  const limit = await authFailureLimiter().fail(meta.ip);
  // One reason for the whole flood: its aggregate counts the 401s and the 429s that follow them.
  if (ipDenied) recordIpDenied(route, meta, ipDenied, limit.allowed ? 401 : 429);
  else recordApiRefusal(route, meta, limit.allowed ? 401 : 429, "unauthenticated");
  if (!limit.allowed) {
    return apiError("rate_limited", "Too many failed authentications from this address.", { headers: rateLimitHeaders(limit) });
  }
  return unauthenticated(tokenSent);
}

/** Keyed by the token (or, without one, the client address), the reason and the route's template. */
export function recordApiRefusal(route: { method: ApiMethod; path: string }, meta: RequestMeta, status: number, reason: string, actor?: ServiceAccountActor) {
  recordRefusal({
    action: "api.request_refused",
    who: actor ? `token:${actor.tokenId}` : `ip:${meta.ip ?? "unknown"}`,
    reason,
    subject: `${route.method} ${route.path}`,
    actor: actor ? actorParty(actor) : { type: "ANONYMOUS" },
    status,
    meta,
    details: { method: route.method, path: route.path },
  });
}

function parseInput<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  request: ApiRequest,
  definition: RouteDefinition<P, Q, B>,
  context: ApiContext,
): MaybePromise<{ params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> } | ApiReply> {
  const params = definition.params?.safeParse(request.params);
  if (params && !params.success) return apiError("not_found", "Not found.");
  if (!definition.found) return parseQueryAndBody(request, definition, params?.data as Parsed<P>);
  return andThen(definition.found(params?.data as Parsed<P>, context), (found) =>
    found ? parseQueryAndBody(request, definition, params?.data as Parsed<P>) : apiError("not_found", "Not found."),
  );
}

function parseQueryAndBody<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  request: ApiRequest,
  definition: RouteDefinition<P, Q, B>,
  params: Parsed<P>,
): { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> } | ApiReply {
  const query = definition.query?.safeParse(request.query ?? {});
  if (query && !query.success) return invalid(query.error, "Invalid query parameters.");
  let body: z.ZodSafeParseResult<unknown> | undefined;
  if (definition.body) {
    const raw = readBody(request, definition.form === true);
    if (raw.reply) return raw.reply;
    body = definition.body.safeParse(raw.value);
    if (!body.success) return invalid(body.error, "The request body is invalid.");
  }
  return { params, query: query?.data, body: body?.data } as { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> };
}

/**
 * The body as JSON, or (where the route allows it) form-encoded fields as an object of strings, a repeated
 * field keeping its last value. Its size was capped while it was read (lib/api/server.ts: 413 past MAX_BODY_BYTES).
 */
function readBody(request: ApiRequest, form: boolean): { value?: unknown; reply?: ApiReply } {
  const type = header(request, "content-type") ?? "";
  if (form && /^application\/x-www-form-urlencoded\b/i.test(type)) {
    return { value: Object.fromEntries(new URLSearchParams(request.body?.toString("utf8") ?? "")) };
  }
  if (!/^application\/json\b/i.test(type)) {
    const accepted = form ? "application/x-www-form-urlencoded or application/json" : "application/json";
    return { reply: apiError("unsupported_media_type", `Send the body as ${accepted}.`) };
  }
  try {
    return { value: JSON.parse(request.body?.toString("utf8") ?? "") };
  } catch {
    return { reply: apiError("malformed_json", "The request body is not valid JSON.") };
  }
}

export const payloadTooLarge = () => apiError("payload_too_large", `The request body must be at most ${MAX_BODY_BYTES} bytes.`);

export function invalid(error: z.ZodError, message: string) {
  return apiError("validation", message, { details: zodDetails(error) });
}
