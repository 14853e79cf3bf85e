import Link from "next/link";

/** The 404 message, in the console's look: what happened and the way home. */
export function NotFoundContent({ signedIn }: { signedIn: boolean }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        Nothing is at this address, or it is not yours to see. It may have been deleted, or the link may be incomplete.
      </p>
      <Link
        href={signedIn ? "/" : "/login"}
        className="mt-6 inline-flex items-center rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white no-underline hover:bg-indigo-500"
      >
        {signedIn ? "Go to Home" : "Sign in"}
      </Link>
    </div>
  );
}
