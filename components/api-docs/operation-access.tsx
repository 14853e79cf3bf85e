import type { OperationObject } from "openapi3-ts/oas31";
import type { OperationAccess } from "@/lib/api/v1/openapi-access";

type Extended = OperationObject & Partial<OperationAccess>;

/** What the calling token needs: permission (and which token roles hold it) and scope, or that it needs none. */
export function OperationAccessList({ operation }: { operation: Extended }) {
  if (!operation.security?.length) {
    return <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">No token needed.</p>;
  }
  const permission = operation["x-keyhold-permission"] ?? null;
  const scope = operation["x-keyhold-scope"] ?? null;
  const roles = operation["x-keyhold-roles"] ?? [];
  const rows: [string, React.ReactNode][] = [
    ["Permission", permission ? <code className="font-mono">{permission}</code> : "None: any valid token"],
    ["Token roles", roles.join(", ")],
    ["Scope", scope ? <code className="font-mono">{scope}</code> : "None"],
  ];
  return (
    <div className="mt-3 rounded-md bg-slate-50 p-3 dark:bg-slate-800">
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700 dark:text-slate-200">{term}</dt>
          <dd className="mb-1 text-slate-900 sm:mb-0 dark:text-slate-100">{value}</dd>
        </div>
      ))}
    </dl>
      {scope ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">A token with full access needs only the permission; a token with scopes must also carry this scope.</p> : null}
    </div>
  );
}
