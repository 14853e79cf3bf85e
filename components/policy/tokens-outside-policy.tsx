import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { TokenOutsidePolicy } from "@/lib/policy/find-tokens-outside-policy";

const REASONS: Record<TokenOutsidePolicy["reason"], string> = { no_expiry: "Never expires", too_long: "Lives longer than allowed" };

/** Live tokens the policy would refuse today, each with a link to where it is rotated or revoked. */
export function TokensOutsidePolicy({ tokens, total }: { tokens: TokenOutsidePolicy[]; total: number }) {
  return (
    <section aria-labelledby="outside-policy-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="outside-policy-heading" className="text-base font-semibold text-slate-900">
        Tokens outside the policy
      </h2>
      {total > tokens.length ? (
        <p className="text-sm text-slate-700">
          {total} live tokens are outside the policy; the {tokens.length} newest are listed.
        </p>
      ) : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-700">Every live token is within the policy.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Tokens outside the policy">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2 text-sm">
              <div className="min-w-0">
                <p className="break-words font-medium text-slate-900">
                  {token.account.name} <span className="font-normal text-slate-600">/ {token.name}</span>{" "}
                  <span className="font-mono text-xs text-slate-600">{token.hint}</span>
                </p>
                <p className="text-slate-700">
                  {ROLE_LABELS[token.account.role]} · {REASONS[token.reason]}
                  {token.expiresAt ? (
                    <>
                      {" "}
                      · expires <LocalTime iso={token.expiresAt.toISOString()} dateOnly />
                    </>
                  ) : null}
                </p>
              </div>
              <Link
                href={`/admin/api-tokens/${token.account.id}#token-${token.id}`}
                className="font-medium text-indigo-700 underline underline-offset-2 hover:text-indigo-600"
                aria-label={`Rotate or revoke ${token.account.name} / ${token.name}`}
              >
                Rotate or revoke
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
