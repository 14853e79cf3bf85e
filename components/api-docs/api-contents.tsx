import { operationAnchor } from "./operation-card";
import { tagAnchor, type DocumentedOperation } from "./api-operations";

/** The reference's table of contents: each tag and its operations, as in-page links. */
export function ApiContents({ groups }: { groups: { tag: string; operations: DocumentedOperation[] }[] }) {
  return (
    <nav aria-label="API operations" className="rounded-lg border border-slate-200 bg-white p-4 text-sm wrap-anywhere dark:border-slate-700 dark:bg-slate-900">
      <h2 className="font-semibold text-slate-900 dark:text-slate-100">Operations</h2>
      <ul className="mt-2 grid gap-x-6 gap-y-3 sm:grid-cols-2">
        {groups.map(({ tag, operations }) => (
          <li key={tag}>
            <a href={`#${tagAnchor(tag)}`} className="font-medium text-indigo-700 underline dark:text-indigo-300">
              {tag}
            </a>
            <ul className="mt-1 space-y-0.5">
              {operations.map(({ method, path, operation }) => (
                <li key={`${method} ${path}`}>
                  <a href={`#${operationAnchor(method, path)}`} className="text-slate-700 underline decoration-slate-300 hover:decoration-slate-600 dark:text-slate-300 dark:decoration-slate-600">
                    <span className="font-mono text-xs font-semibold">{method.toUpperCase()}</span> {operation.summary ?? path}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
