/**
 * True when the browser says the request was started by another site: a link or form elsewhere that rides on
 * the user's cookies (a top-level GET carries SameSite=Lax cookies). `Sec-Fetch-Site` when the browser sends it
 * ("none" is the user's own navigation: typed, bookmarked); otherwise an `Origin` that is not this host.
 * Clients that send neither (curl, scripts with the cookie) are not browsers being tricked.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage: not us
  }
}
