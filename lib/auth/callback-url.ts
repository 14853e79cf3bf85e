import { hasPermission, type AnyRole } from "./permissions";

/** The query parameter the sign-in page reads: where a signed-out visitor was going. */
export const CALLBACK_PARAM = "callbackUrl";

const BASE = "http://keyhold.invalid";

/**
 * A page of this console to return to after sign-in, or null. Only a same-origin relative path is accepted
 * (not "//evil.example", "/\\evil.example", "https://…", control characters), so the sign-in page cannot be
 * used to send someone elsewhere (an open redirect); the sign-in page itself and the API are refused too.
 */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2048) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (url.pathname === "/login" || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where sign-in lands without a deep link: the home page for those who see the organisation, else My tokens. */
export function landingPath(role: AnyRole): string {
  return hasPermission(role, "service_accounts.read_all") ? "/" : "/tokens";
}

/** The sign-in page, remembering `path` (when it is worth returning to). */
export function signInPath(path: string | null): string {
  const back = safeCallbackPath(path);
  return back && back !== "/" ? `/login?${CALLBACK_PARAM}=${encodeURIComponent(back)}` : "/login";
}
