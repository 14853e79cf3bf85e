import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { CARD_BODY, CARD_HEAD, CARD_ROW, CARD_TABLE, cardCell, cardCellClass, type CardRole } from "@/components/ui/table-cards";
import { cn } from "@/lib/cn";
import type { AccountToken } from "@/lib/service-accounts/find-tokens";
import { ResumeTokenButton } from "./resume-token-button";
import { RevokeTokenButton } from "./revoke-token-button";
import { RotateTokenButton } from "./rotate-token-dialog";
import { TokenStatusBadge } from "./token-status-badge";

const HEADERS = ["Token ID", "Hint", "Scopes", "Allowed ranges", "Status", "Created", "Expires", "Last used"];
// On a phone each token is a card (table-cards.tsx): name, hint, status, expiry, last use; the rest on wider screens.
const CARDS: CardRole[] = ["title", "field", "detail", "detail", "field", "detail", "field", "field"];
function cell(i: number, extra?: string) {
  const { className, ...label } = cardCell(CARDS[i], HEADERS[i]);
  return { ...label, className: cn("px-4 py-2.5", extra, className) };
}
const live = (token: AccountToken) => token.current && (token.status === "active" || token.status === "expiring");

/** Every token of an account: the live ones first (primary first), then revoked, expired and rotated ones. Times are absolute, with their zone. */
export function AccountTokensTable({
  tokens,
  archivedScopes,
  canManage,
  accountName,
}: {
  tokens: readonly AccountToken[];
  archivedScopes: readonly string[];
  canManage: boolean;
  accountName: string;
}) {
  const liveCount = tokens.filter(live).length;
  return (
    // Focusable and named, so a keyboard user can scroll it sideways when it is wider than the screen.
    <div
      tabIndex={0}
      role="region"
      aria-label={`Tokens of ${accountName}`}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <table className={CARD_TABLE}>
        <thead className={CARD_HEAD}>
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
        <tbody className={CARD_BODY}>
          {tokens.length === 0 ? (
            <tr className="max-sm:block">
              <td colSpan={HEADERS.length + (canManage ? 1 : 0)} className="px-4 py-10 text-center text-slate-500 max-sm:block">
                No tokens.
              </td>
            </tr>
          ) : (
            tokens.map((token) => (
              <tr key={token.id} className={cn("align-top hover:bg-slate-50", CARD_ROW)} data-token-name={token.name}>
                <td {...cell(0)}>
                  <span className="font-medium text-slate-900">{token.name}</span>
                  {token.primary ? (
                    <span className="ml-2">
                      <Badge tone="indigo">Primary</Badge>
                    </span>
                  ) : null}
                  {token.description ? <span className="block max-w-[16rem] text-xs text-slate-500">{token.description}</span> : null}
                  {token.leakReport ? (
                    <span className="mt-1 block max-w-[20rem] text-xs font-medium text-red-700">
                      Reported leaked at <LocalTime iso={token.leakReport.at} zone /> from <span className="break-all font-mono font-normal">{token.leakReport.from}</span>
                    </span>
                  ) : null}
                </td>
                <td {...cell(1, "whitespace-nowrap")}>
                  <span className="font-mono text-slate-900" title={token.publicId}>
                    {token.hint}
                  </span>
                </td>
                <td {...cell(2)}>
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
                <td {...cell(3)}>
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
                <td {...cell(4, "whitespace-nowrap")}>
                  <TokenStatusBadge status={token.status} />
                  {token.status !== "revoked" && !token.current ? <span className="ml-1.5 text-xs text-slate-500">rotated</span> : null}
                </td>
                <td {...cell(5, "whitespace-nowrap text-slate-700")}>
                  <LocalTime iso={token.createdAt} zone />
                </td>
                <td {...cell(6, "whitespace-nowrap text-slate-700")}>
                  {token.expiresAt ? <LocalTime iso={token.expiresAt} zone /> : <span className="text-slate-500">Never</span>}
                </td>
                <td {...cell(7, "whitespace-nowrap text-slate-700")}>
                  {token.lastUsedAt ? (
                    <>
                      <LocalTime iso={token.lastUsedAt} zone />
                      {token.lastUsedIp ? <span className="ml-1.5 font-mono text-xs text-slate-500">from {token.lastUsedIp}</span> : null}
                    </>
                  ) : (
                    <span className="text-slate-500">Never</span>
                  )}
                </td>
                {canManage ? (
                  <td className={cn("whitespace-nowrap px-4 py-2.5 text-right", cardCellClass("footer"))}>
                    <div className="flex justify-end gap-2 max-sm:justify-start">
                      {token.status === "suspended" ? <ResumeTokenButton token={token} /> : null}
                      {token.current && token.status !== "revoked" ? <RotateTokenButton token={token} /> : null}
                      {token.status === "revoked" ? null : (
                        // Revoking the last working token leaves the account with none: the dialog says so.
                        <RevokeTokenButton token={token} accountName={accountName} lastLive={live(token) && liveCount === 1} />
                      )}
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

