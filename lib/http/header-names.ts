// Header names shared by the server wrapper, proxy.ts and the request context. No Next imports here: the
// custom server loads this before Next has set up its runtime.
export const REQUEST_ID_HEADER = "x-request-id";
/** Set by lib/server/server.ts from the socket on every request, overwriting whatever a client sent. */
export const CLIENT_IP_HEADER = "x-keyhold-client-ip";

/**
 * Request ids are made by the server (lib/server/server.ts for every console request, Fastify for the API):
 * a client-sent one would become the audit trail's request id. Anything else found in the header is ignored.
 */
export const isRequestId = (value: string | null | undefined): value is string =>
  typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);

/** Set by proxy.ts on every page request (overwriting any the client sent): the path and query asked for, so a
 * page that needs a session can send the visitor to sign in and back (lib/auth/guard.ts). */
export const REQUEST_PATH_HEADER = "x-keyhold-path";
