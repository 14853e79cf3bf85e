import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "./header-names";

export type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string };

export { CLIENT_IP_HEADER, REQUEST_ID_HEADER };

/**
 * Who is calling, for the audit trail. proxy.ts stamps every request with a request id. The client address
 * comes from lib/server/server.ts, which overwrites CLIENT_IP_HEADER on every request (a client cannot set it).
 */
export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return metaFromHeaders(h);
}

export function metaFromHeaders(h: Headers): RequestMeta {
  const ip = h.get(CLIENT_IP_HEADER);
  return {
    ip: ip || null,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
    requestId: h.get(REQUEST_ID_HEADER) ?? randomUUID(),
  };
}
