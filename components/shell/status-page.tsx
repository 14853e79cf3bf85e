import Link from "next/link";
import type { ReactNode } from "react";
import type { UserActor } from "@/lib/auth/actor";
import { ConsoleShell } from "./console-shell";

type StatusMessageProps = { code: string; title: string; children: ReactNode; signedIn: boolean };

/** A 404 or 403 in the console's look: what happened, why, and the way home (or to sign in). */
export function StatusMessage({ code, title, children, signedIn }: StatusMessageProps) {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{children}</p>
      <Link
        href={signedIn ? "/" : "/login"}
        className="mt-6 inline-flex items-center rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white no-underline hover:bg-indigo-500"
      >
        {signedIn ? "Go to Home" : "Sign in"}
      </Link>
    </div>
  );
}

/** The message inside the console when someone is signed in (root-level 404/403 files render outside it). */
export function StatusPage({ actor, ...message }: Omit<StatusMessageProps, "signedIn"> & { actor: UserActor | null }) {
  if (!actor) {
    return (
      <main id="content" className="px-4">
        <StatusMessage {...message} signedIn={false} />
      </main>
    );
  }
  return (
    <ConsoleShell actor={actor}>
      <StatusMessage {...message} signedIn />
    </ConsoleShell>
  );
}

export const NOT_FOUND_TEXT = "Nothing is at this address, or it is not yours to see. It may have been deleted, or the link may be incomplete.";
