import Link from "next/link";
import type { AuditParty } from "./audit-labels";

export const PARTY_LINK = "font-medium text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";

/** An actor or target: its name (a link while it still exists) over its kind and email. */
export function AuditPartyCell({ party }: { party: AuditParty | null }) {
  if (!party) return <span className="text-slate-500">—</span>;
  return (
    <div className="max-w-[16rem] leading-tight">
      <div className="truncate" title={party.name}>
        {party.href ? (
          // A link inside a clickable row: it navigates; it must not also open the row's panel.
          <Link href={party.href} className={PARTY_LINK} onClick={(e) => e.stopPropagation()}>
            {party.name}
          </Link>
        ) : (
          <span className="font-medium text-slate-900">{party.name}</span>
        )}
      </div>
      <div className="truncate text-xs text-slate-500" title={party.detail}>
        {party.kind}
        {party.detail ? ` · ${party.detail}` : null}
      </div>
    </div>
  );
}
