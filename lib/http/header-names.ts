// Header names shared by the server wrapper, proxy.ts and the request context. No Next imports here: the
// custom server loads this before Next has set up its runtime.
export const REQUEST_ID_HEADER = "x-request-id";
/** Set by lib/server/server.ts from the socket on every request, overwriting whatever a client sent. */
export const CLIENT_IP_HEADER = "x-keyhold-client-ip";
