import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER, isRequestId, REQUEST_ID_HEADER } from "./header-names";

export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string };

export { CLIENT_IP_HEADER, REQUEST_ID_HEADER };

/**
 * Who is calling, for the audit trail. lib/server/server.ts stamps every request with a request id and the
 * client address from the socket, overwriting whatever the client sent in those headers.
 */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return metaFromHeaders(h);
}

export function metaFromHeaders(h: Headers): RequestMeta {
  const ip = h.get(CLIENT_IP_HEADER);
  const requestId = h.get(REQUEST_ID_HEADER);
  return {
    ip: ip || null,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    // Only the server's own form is taken: a client-chosen (8,000-character) id never reaches the audit trail.
    requestId: isRequestId(requestId) ? requestId : randomUUID(),
  };
}
