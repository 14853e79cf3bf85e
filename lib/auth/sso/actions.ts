"use server";
import { CALLBACK_PARAM, safeCallbackPath } from "../callback-url";
import { signIn } from "../auth";
import { SSO_PROVIDER_ID } from "./oidc-provider-config";

/**
 * "Sign in with <name>": off to the identity provider (Auth.js sets the PKCE, state and nonce cookies). Like the
 * password's, it needs no session; what comes back is checked in the signIn callback (lib/auth/auth.ts). It returns
 * to the login page, which sends the person on to the page they asked for or their role's landing page.
 */
export async function ssoSignInAction(form: FormData): Promise<void> {
  const back = safeCallbackPath(form.get(CALLBACK_PARAM));
  await signIn(SSO_PROVIDER_ID, { redirectTo: back ? `/login?${CALLBACK_PARAM}=${encodeURIComponent(back)}` : "/login" });
}
