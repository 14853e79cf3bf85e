import { CodeBlock } from "./code-block";

const ERROR_EXAMPLE = JSON.stringify(
  { error: { code: "validation", message: "The request body is invalid.", details: { fieldErrors: { name: ["Use only letters, digits, '-', '_' and '.'"] }, formErrors: [] } } },
  null,
  2,
);

/** How every call works: the base URL, the token, the error body, and where the machine-readable document is. */
export function ApiIntro({ baseUrl }: { baseUrl: string }) {
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 wrap-anywhere sm:p-5 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
      <p>
        Call the API at <code className="font-mono text-slate-900 dark:text-slate-100">{baseUrl}</code> with a service account&apos;s token:{" "}
        <code className="font-mono text-slate-900 dark:text-slate-100">Authorization: Bearer kh_…</code>. The token&apos;s role must hold each operation&apos;s
        permission; a token with scopes must also carry its scope.
      </p>
      <p>
        Every error has one shape, with a stable <code className="font-mono">code</code>:
      </p>
      <CodeBlock label="Example error response" code={ERROR_EXAMPLE} />
      <p>
        The machine-readable OpenAPI 3.1 document:{" "}
        <a className="text-indigo-700 underline dark:text-indigo-300" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        .
      </p>
    </div>
  );
}
