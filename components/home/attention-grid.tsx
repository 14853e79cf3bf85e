import Link from "next/link";
import { RotateTokenButton } from "@/components/service-accounts/rotate-token-dialog";
import { LocalTime } from "@/components/ui/local-time";
import type { AttentionGroup, AttentionRow } from "@/lib/home/find-attention";
import { listHrefOf, type HomeScope } from "@/lib/home/home-scope";
import { ATTENTION_LABELS, type AttentionBucket } from "@/lib/service-accounts/attention-where";

/** What the moment shown beside a row means, per bucket. */
const MOMENT: Record<AttentionBucket, string> = {
  expiring_7: "Expires",
  expiring_30: "Expires",
  expired_30: "Expired",
  unused_30: "Last used",
  unused_90: "Last used",
  never_used: "Created",
  owner_disabled: "Created",
};

/** One card per bucket: the count (a link to the filtered list) and its most pressing rows, each with Rotate. */
export function AttentionGrid({ groups, scope }: { groups: AttentionGroup[]; scope: HomeScope }) {
  return (
    <section aria-labelledby="attention-heading" className="space-y-3">
      <h2 id="attention-heading" className="text-lg font-semibold text-slate-900">
        Needs attention
      </h2>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {groups.map((group) => (
          <AttentionCard key={group.bucket} group={group} href={`${listHrefOf(scope)}?attention=${group.bucket}`} />
        ))}
      </div>
    </section>
  );
}

function AttentionCard({ group, href }: { group: AttentionGroup; href: string }) {
  const label = ATTENTION_LABELS[group.bucket];
  const headingId = `attention-${group.bucket}`;
  return (
    <section aria-labelledby={headingId} data-bucket={group.bucket} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-baseline justify-between gap-3">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          {label}
        </h3>
        <Link
          href={href}
          aria-label={`${group.count} ${group.count === 1 ? "account" : "accounts"} ${label.toLowerCase()}: show in the list`}
          className="text-2xl font-semibold tabular-nums text-indigo-700 underline decoration-indigo-300 underline-offset-4 hover:text-indigo-900">
          {group.count}
        </Link>
      </div>
      {group.rows.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Nothing here.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {group.rows.map((row) => (
            <AttentionItem key={row.id} row={row} moment={MOMENT[group.bucket]} />
          ))}
        </ul>
      )}
      {group.count > group.rows.length ? (
        <Link href={href} className="mt-2 inline-block text-sm font-medium text-indigo-700 underline hover:text-indigo-900">
          All {group.count} in the list
        </Link>
      ) : null}
    </section>
  );
}

function AttentionItem({ row, moment }: { row: AttentionRow; moment: string }) {
  return (
    <li className="flex items-center justify-between gap-3 py-2">
      <div className="min-w-0">
        <Link href={`/admin/api-tokens/${row.id}`} title={row.name} className="block truncate text-sm font-medium text-slate-900 underline decoration-slate-300 underline-offset-2 hover:text-indigo-700">
          {row.name}
        </Link>
        <p className="truncate text-xs text-slate-600">
          {row.token ? <code className="font-mono">{row.token.hint}</code> : "No current token"}
          {row.at ? (
            <>
              {" · "}
              {moment} <LocalTime iso={row.at} dateOnly />
            </>
          ) : null}
          {row.suspendsInDays !== null ? (
            <span className="font-medium text-amber-800">
              {" · "}
              {row.suspendsInDays === 0 ? "suspended at the next scan" : `suspended in ${row.suspendsInDays} ${row.suspendsInDays === 1 ? "day" : "days"}`}
            </span>
          ) : null}
        </p>
      </div>
      {row.canManage && row.token ? <RotateTokenButton token={row.token} /> : null}
    </li>
  );
}
