import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { ServiceAccountDetail } from "@/lib/service-accounts/find-service-account";
import { RevokeTokenButton } from "./revoke-token-button";
import { TokenStatusBadge } from "./token-status-badge";

const dash = <span className="text-slate-400">—</span>;

/** Every token an account has had, newest first: the current one and those it replaced. */
export function AccountTokensTable({ tokens, canManage }: { tokens: ServiceAccountDetail["tokens"]; canManage: boolean }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {["Hint", "Status", "Created", "Expires", "Last used", "Revoked"].map((label) => (
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
              <td colSpan={canManage ? 7 : 6} className="px-4 py-10 text-center text-slate-500">
                No tokens.
              </td>
            </tr>
          ) : (
            tokens.map((token) => (
              <tr key={token.id} className="hover:bg-slate-50">
                <td className="whitespace-nowrap px-4 py-2.5">
                  <span className="font-mono text-slate-900" title={token.publicId}>
                    {token.hint}
                  </span>
                  {token.current ? (
                    <span className="ml-2">
                      <Badge tone="indigo">Current</Badge>
                    </span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-4 py-2.5">
                  <TokenStatusBadge status={token.status} />
                </td>
                <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                  <LocalTime iso={token.createdAt} />
                </td>
                <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                  {token.expiresAt ? <LocalTime iso={token.expiresAt} /> : <span className="text-slate-400">Never</span>}
                </td>
                <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">
                  {token.lastUsedAt ? (
                    <>
                      <LocalTime iso={token.lastUsedAt} />
                      {token.lastUsedIp ? <span className="ml-1.5 font-mono text-xs text-slate-500">from {token.lastUsedIp}</span> : null}
                    </>
                  ) : (
                    <span className="text-slate-400">Never</span>
                  )}
                </td>
                <td className="whitespace-nowrap px-4 py-2.5 text-slate-700">{token.revokedAt ? <LocalTime iso={token.revokedAt} /> : dash}</td>
                {canManage ? (
                  <td className="whitespace-nowrap px-4 py-2.5 text-right">
                    {token.status === "revoked" ? null : <RevokeTokenButton token={token} />}
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
