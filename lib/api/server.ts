import { randomUUID } from "node:crypto";
import type http from "node:http";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { auditKeyring } from "@/lib/audit/audit-keys";
import { publicKeyJson } from "@/lib/audit/checkpoints/find-checkpoints";
import { checkReadiness } from "@/lib/db/check-readiness";
import { RETRY_AFTER_SECONDS } from "@/lib/db/errors";
import { SECURITY_HEADERS } from "@/lib/http/security-headers.mjs";
import { apiError, type ApiErrorCode } from "./api-error";
import type { ApiReply } from "./api-reply";
import { andThen } from "./maybe-promise";
import { MAX_BODY_BYTES, payloadTooLarge, unexpectedErrorReply, type ApiRoute } from "./route";
import { openApiDocument } from "./v1/openapi";
import { LEAK_REPORT_ROUTE } from "./v1/leak-route";
import { keyholdFileJsonSchema, KEYHOLD_FILE_SCHEMA_PATH } from "@/lib/provisioning/file-schema";
import { API_ROUTES } from "./v1/routes";

/** The paths the REST API answers; every other request goes to Next (lib/server/server.ts). */
export function isApiPath(url: string): boolean {
  return /^\/api\/(v1(\/|\?|$)|health(\/ready)?(\?|$))/.test(url);
}

/**
 * The REST API's HTTP layer: Fastify, on the same port as the console. Next's request pipeline costs about
 * 0.7 ms of CPU per request, which alone put p99 at 32 concurrent machine clients past 40 ms on two cores;
 * Fastify's costs a few dozen microseconds. Routes, authentication and errors are defined in lib/api.
 * `server` is the HTTP server this instance is attached to (it does not listen itself).
 */
export async function createApiServer(server: http.Server, routes: ApiRoute[] = [...API_ROUTES, LEAK_REPORT_ROUTE]): Promise<FastifyInstance> {
  const app = Fastify({
    serverFactory: () => server,
    genReqId: () => randomUUID(),
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router finds before any route or hook runs (a malformed URL, a path segment over 100
    // characters) get the API's error shape and headers too.
    frameworkErrors: (error, request, reply) => {
      baseHeaders(request, reply);
      return send(reply, frameworkError(error));
    },
  });

  app.addHook("onRequest", (request, reply, done) => {
    baseHeaders(request, reply);
    done();
  });
  // Any body, as raw bytes: the routes decide what they accept (415 for anything but JSON). The types they
  // read are named as well, so Fastify finds their parser in its cache: for the catch-all alone it parses
  // every request's Content-Type again before falling back to it.
  app.removeAllContentTypeParsers();
  const rawBody = (_request: FastifyRequest, body: Buffer, done: (error: null, body: Buffer) => void) => done(null, body);
  app.addContentTypeParser(["application/json", "application/x-www-form-urlencoded"], { parseAs: "buffer" }, rawBody);
  app.addContentTypeParser("*", { parseAs: "buffer" }, rawBody);

  // Liveness: the process answers (never the database: a load balancer must not restart every instance
  // because PostgreSQL is down). Readiness: the database answers and its schema is this code's.
  app.get("/api/health", async () => ({ status: "ok" }));
  app.get("/api/health/ready", async (_request, reply) => {
    const readiness = await checkReadiness();
    if (readiness.ready) return { status: "ready" };
    reply.code(503).header("Retry-After", String(RETRY_AFTER_SECONDS));
    return { status: "unavailable", reason: readiness.reason, ...(readiness.pending ? { pending: readiness.pending } : {}) };
  });
  const document = openApiDocument();
  app.get("/api/v1/openapi.json", async (_request, reply) => {
    reply.header("Cache-Control", "public, max-age=300");
    return document;
  });

  // The provisioning file's JSON Schema (keyhold apply), for editors: public like openapi.json.
  const fileSchema = keyholdFileJsonSchema();
  app.get(KEYHOLD_FILE_SCHEMA_PATH, async (_request, reply) => {
    reply.header("Cache-Control", "public, max-age=300");
    return fileSchema;
  });

  // Public like openapi.json: whoever keeps a checkpoint outside Keyhold checks its signature with this.
  app.get("/api/v1/audit-checkpoints/public-key", async () => publicKeyJson(auditKeyring().signer));

  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path.replace(/\{(\w+)\}/g, ":$1"),
      // Not async: a request answered without waiting makes no promise (lib/api/maybe-promise.ts).
      handler: (request, reply) => {
        const { id, method, url, headers, params, query, body } = request;
        return andThen(route.handle({ id, method, url, headers, params, query, body: body as Buffer | undefined }), (answered) => answer(reply, answered));
      },
    });
  }

  const allowed = allowedMethods(routes);
  app.setNotFoundHandler((request, reply) => {
    const methods = allowed(request.url.split("?", 1)[0]!);
    if (!methods.length) return send(reply, apiError("not_found", "No such endpoint."));
    return send(reply, apiError("method_not_allowed", `Use ${methods.join(" or ")}.`, { headers: { Allow: methods.join(", ") } }));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") return send(reply, payloadTooLarge());
    if (error.statusCode && error.statusCode < 500) return send(reply, frameworkError(error));
    return send(reply, unexpectedErrorReply(error, { requestId: request.id, method: request.method, path: request.url.split("?", 1)[0]! }));
  });

  await app.ready();
  return app;
}

/** Sets the reply's status and headers and returns its body, for Fastify to send (null: no body). */
function answer(reply: FastifyReply, { status, body, headers }: ApiReply) {
  reply.code(status);
  if (headers) reply.headers(headers);
  return body ?? null;
}

const send = (reply: FastifyReply, apiReply: ApiReply) => reply.send(answer(reply, apiReply));

function baseHeaders(request: FastifyRequest, reply: FastifyReply) {
  reply.headers(SECURITY_HEADERS).header("Cache-Control", "no-store").header("X-Request-Id", request.id);
}

// Fastify's own 4xx errors by status, in the API's codes. An over-long path segment is an id no resource has.
const FRAMEWORK_CODES: Record<number, ApiErrorCode> = { 404: "not_found", 405: "method_not_allowed", 413: "payload_too_large", 414: "not_found", 415: "unsupported_media_type" };
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL: "The URL is malformed (check its percent-encoding).",
  FST_ERR_MAX_PARAM_LENGTH: "Not found.",
};

function frameworkError(error: FastifyError): ApiReply {
  const code = FRAMEWORK_CODES[error.statusCode ?? 400] ?? "bad_request";
  return apiError(code, FRAMEWORK_MESSAGES[error.code] ?? error.message);
}

/** For a path no route answers with this method: the methods that would answer it (405 rather than 404). */
function allowedMethods(routes: ApiRoute[]) {
  const patterns = routes.map((route) => ({ method: route.method, pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, "[^/]+")}/?$`) }));
  return (path: string) => [...new Set(patterns.filter(({ pattern }) => pattern.test(path)).map(({ method }) => method))];
}
