// The headers every response carries: Next's pages and files (next.config.mjs) and the REST API
// (lib/api/server.ts). The console's Content-Security-Policy, which carries a per-request nonce, is set
// in proxy.ts and replaces this one there.

/** @type {Readonly<Record<string, string>>} */
export const SECURITY_HEADERS = Object.freeze({
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Content-Security-Policy": "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
});
