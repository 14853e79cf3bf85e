import type { OperationObject, ParameterObject, ReferenceObject, RequestBodyObject, ResponseObject } from "openapi3-ts/oas31";
import { cn } from "@/lib/cn";

const METHOD_TONES: Record<string, string> = {
  get: "bg-sky-100 text-sky-800",
  post: "bg-emerald-100 text-emerald-800",
  patch: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-800",
};

const isRef = (value: unknown): value is ReferenceObject => typeof value === "object" && value !== null && "$ref" in value;

export function OperationCard({ method, path, operation }: { method: string; path: string; operation: OperationObject }) {
  const parameters = (operation.parameters ?? []).filter((p): p is ParameterObject => !isRef(p));
  const body = operation.requestBody && !isRef(operation.requestBody) ? (operation.requestBody as RequestBodyObject) : null;
  const responses = Object.entries(operation.responses ?? {}) as [string, ResponseObject | ReferenceObject][];
  const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
  return (
    <section id={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="flex flex-wrap items-center gap-3 font-mono text-sm">
        <span className={cn("rounded px-2 py-0.5 text-xs font-bold uppercase", METHOD_TONES[method] ?? "bg-slate-100")}>{method}</span>
        <span className="text-slate-900">{path}</span>
      </h2>
      {operation.summary ? <p className="mt-2 text-sm text-slate-700">{operation.summary}</p> : null}
      {operation.security?.length === 0 || !operation.security ? null : (
        <p className="mt-1 text-xs text-slate-500">Authorization: Bearer kh_…</p>
      )}
      {parameters.length ? (
        <table className="mt-4 w-full text-left text-sm">
          <caption className="pb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">Parameters</caption>
          <tbody>
            {parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100">
                <td className="py-1.5 pr-4 font-mono">{p.name}</td>
                <td className="py-1.5 pr-4 text-slate-500">{p.in}</td>
                <td className="py-1.5 font-mono text-xs text-slate-600">{JSON.stringify(p.schema)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body ? <SchemaBlock title="Request body (application/json)" schema={body.content["application/json"]?.schema} /> : null}
      <p className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Responses</p>
      <ul className="mt-1 space-y-1 text-sm">
        {responses.map(([status, response]) => (
          <li key={status}>
            <span className="font-mono font-semibold">{status}</span>{" "}
            <span className="text-slate-600">{isRef(response) ? response.$ref : response.description}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SchemaBlock({ title, schema }: { title: string; schema: unknown }) {
  return (
    <div className="mt-4">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</p>
      <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(schema, null, 2)}</pre>
    </div>
  );
}
