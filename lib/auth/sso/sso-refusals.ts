import type { SsoRefusal } from "./sign-in-with-sso";

/** The login page's query parameter naming why a sign-in came back refused (Auth.js uses the same one). */
export const SSO_ERROR_PARAM = "error";

const REFUSALS: Record<SsoRefusal, string> = {
  email_missing: "Your identity provider did not send an email address, which Keyhold needs to sign you in. Ask your administrator.",
  email_unverified: "Your identity provider says your email address is not verified. Verify it there, then sign in again.",
  domain_not_allowed: "Your email address's domain is not allowed to sign in to Keyhold. Use your organisation's account, or ask your administrator.",
  disabled: "Your Keyhold account is disabled. Ask an administrator to enable it.",
};

/**
 * What the login page says for ?error=…: Keyhold's own refusals (signInWithSso) by name, and Auth.js's error
 * types (https://authjs.dev/reference/core/errors) in words a person can act on. Anything else gets a generic line,
 * so the parameter cannot put text of its choosing on the page.
 */
export function signInErrorMessage(code: unknown): string | null {
  if (typeof code !== "string" || !code) return null;
  if (Object.hasOwn(REFUSALS, code)) return REFUSALS[code as SsoRefusal];
  // A password sign-in posted straight to Auth.js's endpoint comes back here too.
  if (code === "CredentialsSignin") return "Invalid email or password";
  if (code === "AccessDenied") return "Single sign-on was refused. Ask your administrator if you should have access.";
  if (code === "Configuration") return "Single sign-on is not working: the identity provider could not be reached or refused Keyhold. Try again later, or ask your administrator.";
  return "Single sign-on did not complete. Try again.";
}
