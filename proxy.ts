import { NextResponse, type NextRequest } from "next/server";
import { isRequestId, REQUEST_ID_HEADER, REQUEST_PATH_HEADER } from "@/lib/http/header-names";

/**
 * Runs before every page and route: passes on the request id lib/server/server.ts made (for logs and audit
 * events; one is made here if that server is not in front) and sets a Content-Security-Policy whose script
 * nonce Next applies to its own scripts.
 */
export function proxy(request: NextRequest) {
  const stamped = request.headers.get(REQUEST_ID_HEADER);
  const requestId = isRequestId(stamped) ? stamped : crypto.randomUUID();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);

  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("x-nonce", nonce);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action 'self'${identityProviderOrigin()}`,
    "object-src 'none'",
  ].join("; ");
}

/**
 * Without JavaScript the single sign-on button is a form post answered by a redirect to the identity provider,
 * which form-action governs too (lib/config/sso-env.ts validates the issuer at start).
 */
function identityProviderOrigin(): string {
  const issuer = process.env.KEYHOLD_OIDC_ISSUER;
  return issuer && URL.canParse(issuer) ? ` ${new URL(issuer).origin}` : "";
}

// Not for /api: route handlers stamp their own request id (lib/http/request-context.ts), JSON needs no script
// nonce, and skipping the proxy keeps the token-authenticated API fast. next.config.mjs's headers still apply.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
