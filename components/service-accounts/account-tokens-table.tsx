import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { AccountToken } from "@/lib/service-accounts/find-tokens";
import { RevokeTokenButton } from "./revoke-token-button";
import { RotateTokenButton } from "./rotate-token-dialog";
import { TokenStatusBadge } from "./token-status-badge";

const HEADERS = ["Token ID", "Hint", "Scopes", "Allowed ranges", "Status", "Created", "Expires", "Last used"];

/** Every token of an account: the live ones first (primary first), then revoked, expired and rotated ones. */
export function AccountTokensTable({ tokens, archivedScopes, canManage }: { tokens: readonly AccountToken[]; archivedScopes: readonly string[]; canManage: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {HEADERS.map((label) => (
              <th key={label} scope="col" className="px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                {label}
              </th>
            ))}
            {canManage ? (
              <th scope="col" className="px-4 py-2.5">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tokens.length === 0 ? (
            <tr>
              <td colSpan={HEADERS.length + (canManage ? 1 : 0)} className="px-4 py-10 text-center text-slate-500">
                No tokens.
              </td>
            </tr>
          ) : (
            tokens.map((token) => (
              <tr key={token.id} className="align-top hover:bg-slate-50" data-token-name={token.name}>
                <td className="px-4 py-2.5">
                  <span className="font-medium text-slate-900">{token.name}</span>
                  {token.primary ? (
                    <span className="ml-2">
                      <Badge tone="indigo">Primary</Badge>
                    </span>
                  ) : null}
                  {token.description ? <span className="block max-w-[16rem] text-xs text-slate-500">{token.description}</span> : null}
                </td>
                <td className="whitespace-nowrap px-4 py-2.5">
                  <span className="font-mono text-slate-900" title={token.publicId}>
                    {token.hint}
                  </span>
                </td>
                <td className="px-4 py-2.5">
                  {token.scopes === null ? (
                    <span className="text-slate-700">Full access</span>
                  ) : (
                    <ul className="space-y-0.5">
                      {token.scopes.map((scope) => (
                        <li key={scope} className="whitespace-nowrap font-mono text-xs text-slate-800">
                          {scope}
                          {archivedScopes.includes(scope) ? <span className="ml-1.5 font-sans text-amber-700">(archived)</span> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="px-4 py-2.5">
                  {token.allowedIps.length ? (
                    <ul className="space-y-0.5">
                      {token.allowedIps.map((range) => (
                        <li key={range} className="whitespace-nowrap font-mono text-xs text-slate-800">
                          {range}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-slate-500">Any address</span>
                  )}
                </td>
                <td className="whitespace-nowrap px-4 py-2.5">
                  <TokenStatusBadge status={token.status} />
                  {token.status !== "revoked" && !token.current ? <span className="ml-1.5 text-xs text-slate-500">rotated</span> : null}
                </td>
                <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                  <LocalTime iso={token.createdAt} />
                </td>
                <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">{token.expiresAt ? <LocalTime iso={token.expiresAt} /> : <span className="text-slate-500">Never</span>}</td>
                <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                  {token.lastUsedAt ? (
                    <>
                      <LocalTime iso={token.lastUsedAt} />
                      {token.lastUsedIp ? <span className="ml-1.5 font-mono text-xs text-slate-500">from {token.lastUsedIp}</span> : null}
                    </>
                  ) : (
                    <span className="text-slate-500">Never</span>
                  )}
                </td>
                {canManage ? (
                  <td className="whitespace-nowrap px-4 py-2.5 text-right">
                    <div className="flex justify-end gap-2">
                      {token.current && token.status !== "revoked" ? <RotateTokenButton token={token} /> : null}
                      {token.status === "revoked" ? null : <RevokeTokenButton token={token} />}
                    </div>
                  </td>
                ) : null}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

