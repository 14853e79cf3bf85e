import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { z } from "zod";
import { audit } from "@/lib/audit/audit";
import { actorParty, type ServiceAccountActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { metaFromHeaders, type RequestMeta } from "@/lib/http/request-context";
import { logError } from "@/lib/log";
import { apiError, unauthenticated } from "./api-error";
import { authenticateToken, bearerToken, type AuthenticatedToken } from "./authenticate-token";
import { authFailureLimiter, rateLimitHeaders, tokenLimiter } from "./rate-limit";
import { recordTokenUse } from "./token-usage";

export const MAX_BODY_BYTES = 64 * 1024;

export type ApiContext = { actor: ServiceAccountActor; token: AuthenticatedToken["token"]; meta: RequestMeta; request: NextRequest };
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

type RouteDefinition<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined> = {
  /** What the calling service account's role must hold, checked by the same guard as the console. */
  permission: Permission | null;
  params?: P;
  query?: Q;
  body?: B;
  handler: (input: { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> }, context: ApiContext) => Promise<Response>;
};

/**
 * Every /api/v1 route handler is built here: token authentication, per-token rate limit, the guard, strict
 * input parsing, usage counting, and one error shape. Refused calls are audited.
 */
export function apiRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  definition: RouteDefinition<P, Q, B>,
) {
  return async function handle(request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> {
    const meta = metaFromHeaders(request.headers);
    try {
      const auth = await authenticateToken(bearerToken(request.headers.get("authorization")));
      if (!auth) return await refuseUnauthenticated(request, meta);
      const limit = await tokenLimiter().hit(auth.token.id);
      const headers = { ...rateLimitHeaders(limit), "x-request-id": meta.requestId };
      if (!limit.allowed) {
        await auditRefusal(request, meta, 429, auth.actor);
        return apiError("rate_limited", `Rate limit of ${limit.limit} requests per minute exceeded.`, { headers });
      }
      recordTokenUse(auth.token.id, auth.actor.id, meta.ip);
      try {
        authorize(auth.actor, definition.permission);
      } catch {
        await auditRefusal(request, meta, 403, auth.actor);
        return apiError("forbidden", `The ${auth.actor.role} role may not do this.`, { headers });
      }
      const input = await parseInput(request, context, definition);
      if (input instanceof Response) return withHeaders(input, headers);
      const response = await definition.handler(input, { actor: auth.actor, token: auth.token, meta, request });
      return withHeaders(response, headers);
    } catch (error) {
      if (error instanceof AppError) {
        return apiError(error.code, error.message, { details: error.fieldErrors, headers: { "x-request-id": meta.requestId } });
      }
      logError("api request failed", error, { requestId: meta.requestId, method: request.method, path: request.nextUrl.pathname });
      return apiError("internal", `Something went wrong. Request id: ${meta.requestId}`, { details: { requestId: meta.requestId }, headers: { "x-request-id": meta.requestId } });
    }
  };
}

async function refuseUnauthenticated(request: NextRequest, meta: RequestMeta) {
  const limit = await authFailureLimiter().fail(meta.ip);
  await auditRefusal(request, meta, limit.allowed ? 401 : 429);
  if (!limit.allowed) {
    return apiError("rate_limited", "Too many failed authentications from this address.", { headers: rateLimitHeaders(limit) });
  }
  return unauthenticated({ "x-request-id": meta.requestId });
}

async function auditRefusal(request: NextRequest, meta: RequestMeta, status: number, actor?: ServiceAccountActor) {
  await db.$transaction((tx) =>
    audit(tx, meta, {
      action: "api.request_refused",
      actor: actor ? actorParty(actor) : { type: "ANONYMOUS" },
      result: "DENIED",
      metadata: { status, method: request.method, path: request.nextUrl.pathname },
    }),
  );
}

async function parseInput<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  request: NextRequest,
  context: { params: Promise<Record<string, string | string[]>> },
  definition: RouteDefinition<P, Q, B>,
): Promise<{ params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> } | Response> {
  const params = definition.params ? definition.params.safeParse(await context.params) : undefined;
  if (params && !params.success) return apiError("not_found", "Not found.");
  const query = definition.query ? definition.query.safeParse(Object.fromEntries(request.nextUrl.searchParams)) : undefined;
  if (query && !query.success) return invalid(query.error, "Invalid query parameters.");
  let body: z.ZodSafeParseResult<unknown> | undefined;
  if (definition.body) {
    const raw = await readJson(request);
    if (raw instanceof Response) return raw;
    body = definition.body.safeParse(raw);
    if (!body.success) return invalid(body.error, "The request body is invalid.");
  }
  return { params: params?.data, query: query?.data, body: body?.data } as { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B> };
}

async function readJson(request: NextRequest): Promise<unknown | Response> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) return apiError("unsupported_media_type", "Send the body as application/json.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    return apiError("malformed_json", "The request body is not valid JSON.");
  }
}

const tooLarge = () => apiError("payload_too_large", `The request body must be at most ${MAX_BODY_BYTES} bytes.`);

function invalid(error: z.ZodError, message: string) {
  return apiError("validation", message, { details: z.flattenError(error) });
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
  return response;
}

export const json = (body: unknown, status = 200) => NextResponse.json(body, { status });
