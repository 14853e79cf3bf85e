import type { NextRequest } from "next/server";
import { env } from "@/lib/config/env";
import { ssoConfig } from "./sso-config";

/**
 * The request to Auth.js's routes at the address the browser used, when single sign-on is on. Next names a route's
 * loopback address "localhost" (NextRequest rewrites 127.0.0.1 and [::1]), from which Auth.js would build the
 * redirect URI of the code exchange, and the provider refuses one that differs from the sign-in's. The sign-in (a
 * server action) builds it from the Host (or X-Forwarded-Host) and X-Forwarded-Proto headers: so does this.
 * Behind a proxy that keeps those, it is <KEYHOLD_PUBLIC_URL>/api/auth/callback/oidc.
 */
export function atRequestOrigin(request: NextRequest): Request {
  if (!ssoConfig(env())) return request;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = (request.headers.get("x-forwarded-proto") ?? "http").replace(/:$/, "");
  if (!host || !URL.canParse(`${proto}://${host}`)) return request;
  const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${proto}://${host}`);
  const init = { method: request.method, headers: request.headers, body: request.body, signal: request.signal, duplex: "half" };
  // A plain Request: a NextRequest would name the address "localhost" again.
  return new Request(url, init as RequestInit);
}
