import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { CALLBACK_PARAM, landingPath, safeCallbackPath } from "@/lib/auth/callback-url";
import { currentActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallbackPath((await searchParams)[CALLBACK_PARAM]);
  const actor = await currentActor();
  if (actor) redirect(callbackUrl ?? landingPath(actor.role));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to Keyhold</h1>
        <p className="mt-1 text-sm text-slate-600">Service accounts, API tokens and their audit trail.</p>
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
