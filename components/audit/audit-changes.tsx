import { cn } from "@/lib/cn";

type Json = unknown;
type Snapshot = Record<string, Json>;

const isRecord = (value: unknown): value is Snapshot => typeof value === "object" && value !== null && !Array.isArray(value);

/** The before/after snapshots of a change ({before: {…}, after: {…}}), or null when the metadata has none. */
export function changesOf(metadata: unknown): { before: Snapshot | null; after: Snapshot | null } | null {
  if (!isRecord(metadata)) return null;
  const before = isRecord(metadata.before) ? metadata.before : null;
  const after = isRecord(metadata.after) ? metadata.after : null;
  return before || after ? { before, after } : null;
}

const show = (value: Json) => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));

/**
 * A field-by-field diff of a change. A creation has only `after` and a deletion only `before`; a field that
 * did not change is shown plainly, a changed one with the old value struck out and the new one marked.
 */
export function AuditChanges({ before, after }: { before: Snapshot | null; after: Snapshot | null }) {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return (
    <table className="w-full table-fixed border-collapse text-sm">
      <thead>
        <tr className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <th scope="col" className="w-1/4 py-1 pr-2">
            Field
          </th>
          <th scope="col" className="py-1 pr-2">
            Before
          </th>
          <th scope="col" className="py-1">
            After
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {fields.map((field) => {
          const old = before ? before[field] : undefined;
          const now = after ? after[field] : undefined;
          const changed = JSON.stringify(old) !== JSON.stringify(now);
          return (
            <tr key={field} data-changed={changed || undefined}>
              <th scope="row" className="break-words py-1.5 pr-2 text-left font-mono text-xs font-medium text-slate-700">
                {field}
              </th>
              <td className="py-1.5 pr-2">
                {old === undefined ? (
                  <span className="text-slate-500">—</span>
                ) : (
                  <Value value={old} className={changed ? "bg-red-50 text-red-800 line-through decoration-red-400" : "text-slate-700"} label={changed ? "removed" : undefined} />
                )}
              </td>
              <td className="py-1.5">
                {now === undefined ? (
                  <span className="text-slate-500">—</span>
                ) : (
                  <Value value={now} className={changed ? "bg-emerald-50 text-emerald-800" : "text-slate-700"} label={changed ? "added" : undefined} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Value({ value, className, label }: { value: Json; className: string; label?: string }) {
  const text = show(value);
  const Tag = label === "removed" ? "del" : label === "added" ? "ins" : "span";
  return <Tag className={cn("break-all rounded px-1 font-mono text-xs no-underline", className)}>{text === "" ? '""' : text}</Tag>;
}
