import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { SsoSignIn } from "@/components/auth/sso-sign-in";
import { FormError } from "@/components/ui/form-error";
import { CALLBACK_PARAM, landingPath, safeCallbackPath } from "@/lib/auth/callback-url";
import { currentActor } from "@/lib/auth/guard";
import { ssoConfig } from "@/lib/auth/sso/sso-config";
import { signInErrorMessage, SSO_ERROR_PARAM } from "@/lib/auth/sso/sso-refusals";
import { env } from "@/lib/config/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params[CALLBACK_PARAM]);
  const actor = await currentActor();
  if (actor) redirect(callbackUrl ?? landingPath(actor.role));
  const sso = ssoConfig(env());
  const passwordMode = env().KEYHOLD_PASSWORD_LOGIN;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Keyhold</h1>
        <p className="mt-1 text-sm text-slate-600">Service accounts, API tokens and their audit trail.</p>
        {sso ? (
          <div className="mt-6 space-y-4">
            <FormError message={signInErrorMessage(params[SSO_ERROR_PARAM])} />
            <SsoSignIn name={sso.name} callbackUrl={callbackUrl} />
          </div>
        ) : null}
        {sso && passwordMode !== "off" ? (
          <section aria-labelledby="password-sign-in" className="mt-8 border-t border-slate-200 pt-6">
            <h2 id="password-sign-in" className="text-sm font-semibold">
              {passwordMode === "owners" ? "Break-glass sign-in (owners only)" : "Or sign in with a password"}
            </h2>
            {passwordMode === "owners" ? (
              <p className="mt-1 text-sm text-slate-600">For when single sign-on is unavailable. Other accounts sign in with {sso.name}.</p>
            ) : null}
            <LoginForm callbackUrl={callbackUrl} autoFocus={false} />
          </section>
        ) : null}
        {!sso ? <LoginForm callbackUrl={callbackUrl} /> : null}
      </div>
    </main>
  );
}
