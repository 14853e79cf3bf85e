import type { ParameterObject } from "openapi3-ts/oas31";

const typeOf = (schema: unknown): string => {
  const s = (schema ?? {}) as { type?: string | string[]; enum?: unknown[]; format?: string };
  if (Array.isArray(s.enum)) return s.enum.filter((v) => v !== null).join(" | ");
  const type = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${type} (${s.format})` : type;
};

/** The path and query parameters: name, where, whether required, type and description. */
export function OperationParameters({ parameters }: { parameters: ParameterObject[] }) {
  if (!parameters.length) return null;
  return (
    <div className="mt-4">
      <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Parameters</h4>
      <ul className="mt-1 divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {parameters.map((p) => (
          <li key={`${p.in}-${p.name}`} className="py-1.5">
            <code className="font-mono font-semibold text-slate-900 dark:text-slate-100">{p.name}</code>{" "}
            <span className="text-slate-600 dark:text-slate-300">
              ({p.in}
              {p.required ? ", required" : ""}) <span className="font-mono text-xs">{typeOf(p.schema)}</span>
            </span>
            {p.description || (p.schema as { description?: string })?.description ? (
              <p className="text-slate-700 dark:text-slate-300">{p.description ?? (p.schema as { description?: string }).description}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
