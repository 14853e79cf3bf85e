"use client";

// Next shows this when a page fails to render. In production the browser learns nothing about the cause
// (only a digest, which is also in the server's log); the usual one is the database being briefly
// unreachable or overloaded, which the next try often survives. `retry` fetches the page's server half again
// (reset alone would re-render only what the browser holds).
export default function ErrorPage({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">Temporarily unavailable</p>
      <h1 className="mt-2 text-2xl font-semibold">Keyhold could not load this page</h1>
      <p className="mt-2 text-slate-600">This is usually brief (the database is busy or restarting). Please try again in a few seconds.</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">Reference: {error.digest}</p> : null}
      <button type="button" onClick={retry} className="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Try again
      </button>
    </main>
  );
}
