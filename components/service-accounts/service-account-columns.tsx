"use client";
import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { createContext, use } from "react";
import { Badge } from "@/components/ui/badge";
import type { DataTableFeatures } from "@/components/ui/data-table";
import { FocusTip, TruncatedText } from "@/components/ui/focus-tip";
import { LocalTime, RelativeTime } from "@/components/ui/local-time";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import type { ServiceAccountRow } from "@/lib/service-accounts/find-service-accounts";
import { detailHref } from "@/lib/service-accounts/detail-href";
import type { OwnerOption } from "@/lib/users/find-owner-options";
import { ServiceAccountRowActions } from "./service-account-row-actions";
import { OwnerName } from "./owner-name";
import { TokenStatusBadge } from "./token-status-badge";

export type ServiceAccountColumnOptions = {
  /** My tokens leaves the Owner column out: every row is the viewer's own. */
  showOwner: boolean;
  /** False when the actor may manage none of the rows: no actions column at all. */
  withActions: boolean;
};

/**
 * What the actions cells need, passed by context rather than baked into the columns: column definitions
 * stay the same across router.refresh(), so the cells (and any dialog open in them) are not remounted.
 */
export type ServiceAccountRowActionsContextValue = {
  /** Rows the actor may manage, as the server decided (canManageServiceAccount); others get no actions. */
  manageableIds: ReadonlySet<string>;
  grantableRoles: readonly ServiceAccountRole[];
  /** Given only to actors who may hand an account to someone else (ADMIN and up). */
  ownerOptions?: readonly OwnerOption[];
};
export const ServiceAccountRowActionsContext = createContext<ServiceAccountRowActionsContextValue>({ manageableIds: new Set(), grantableRoles: [] });

/** The list's own path and query, which its links hand to the detail page (for the back link). */
export const ListQueryContext = createContext<string | null>(null);

const col = createColumnHelper<DataTableFeatures, ServiceAccountRow>();

const never = <span className="text-slate-500">Never</span>;
const optionalTime = (iso: string | null) => (iso ? <RelativeTime iso={iso} /> : never);

/**
 * Column ids equal the server's SERVICE_ACCOUNT_SORTS, so a header click maps straight onto `?sort=`. At 1440 px
 * Name, Status, Last used and Expires always fit: long text is cut (full on hover and focus), the description
 * sits under the name, and Created waits for a wider screen. On a phone, a card: name, status, expiry, last
 * used and the actions (`meta.card`).
 */
export function getServiceAccountColumns({ showOwner, withActions }: ServiceAccountColumnOptions) {
  return col.columns([
    col.accessor("name", {
      header: "Name",
      meta: { card: "title" },
      cell: (info) => <NameCell account={info.row.original} />,
    }),
    ...(showOwner
      ? [
          col.accessor((row) => row.owner.name, {
            id: "owner",
            header: "Owner",
            enableSorting: false,
            meta: { card: "detail" },
            cell: (info) => <OwnerName owner={info.row.original.owner} />,
          }),
        ]
      : []),
    col.accessor("role", { header: "Role", meta: { card: "detail" }, cell: (info) => <Badge tone="indigo">{ROLE_LABELS[info.getValue()]}</Badge> }),
    col.accessor("status", { header: "Status", enableSorting: false, cell: (info) => <TokenStatusBadge status={info.getValue()} /> }),
    col.accessor((row) => row.tokens?.live ?? 0, {
      id: "tokens",
      header: "Tokens",
      enableSorting: false,
      meta: { card: "detail" },
      cell: ({ row }) => <TokenSummaryCell summary={row.original.tokens} />,
    }),
    col.accessor("createdAt", { header: "Created", sortDescFirst: true, meta: { card: "detail", wideOnly: true }, cell: (info) => <LocalTime iso={info.getValue()} dateOnly /> }),
    col.accessor("lastUsedAt", { header: "Last used", sortDescFirst: true, cell: (info) => optionalTime(info.getValue()) }),
    col.accessor((row) => row.expiresAt, {
      id: "tokenExpiresAt",
      header: "Expires",
      sortDescFirst: false,
      cell: (info) => optionalTime(info.getValue()),
    }),
    ...(withActions
      ? [
          col.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            meta: { card: "actions" },
            cell: ({ row }) => <ActionsCell account={row.original} />,
          }),
        ]
      : []),
  ]);
}

/** The name, linked to the detail page (keeping the list's filters for its back link), over the description. */
function NameCell({ account }: { account: ServiceAccountRow }) {
  const from = use(ListQueryContext);
  return (
    <div className="min-w-0 max-w-[14rem] max-sm:max-w-full">
      <FocusTip tip={account.name} asChild>
        <Link
          href={detailHref(account.id, from)}
          className="block truncate font-medium text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {account.name}
        </Link>
      </FocusTip>
      {account.description ? <TruncatedText text={account.description} className="text-xs text-slate-500" /> : null}
    </div>
  );
}

/** "2 live", and the primary token's hint (the one Regenerate rotates). */
function TokenSummaryCell({ summary }: { summary: ServiceAccountRow["tokens"] }) {
  if (!summary) return null;
  return (
    <span className="whitespace-nowrap">
      {summary.live} live
      {summary.primaryHint ? (
        <span className="ml-1.5 font-mono text-xs text-slate-500" title="Primary token">
          {summary.primaryHint}
        </span>
      ) : null}
    </span>
  );
}

function ActionsCell({ account }: { account: ServiceAccountRow }) {
  const { manageableIds, grantableRoles, ownerOptions } = use(ServiceAccountRowActionsContext);
  if (!manageableIds.has(account.id)) return null;
  return <ServiceAccountRowActions account={account} grantableRoles={grantableRoles} ownerOptions={ownerOptions} />;
}
