"use client";
import { createColumnHelper, metaHelper, tableFeatures } from "@tanstack/react-table";
import type { ColumnCardMeta } from "@/components/ui/table-cards";
import { createContext, use } from "react";
import type { AuditEventRow } from "@/lib/audit/audit-event-row";
import type { ExistingParties } from "@/lib/audit/find-existing-parties";
import { actionLabel, actorOf, targetOf } from "./audit-labels";
import { AuditPartyCell } from "./audit-party";
import { EventTime } from "./event-time";
import { ResultBadge } from "./result-badge";

// Module scope keeps the reference stable. The server pages (keyset) and always sorts newest first, so the
// table needs no paging or sorting feature: it only lays the page out (as cards on a phone: `meta.card`).
export const auditTableFeatures = tableFeatures({ columnMeta: metaHelper<ColumnCardMeta>() });
export type AuditTableFeatures = typeof auditTableFeatures;

/**
 * What the cells need beyond their row, passed by context so the column definitions stay the same across
 * pages (new definitions would remount every cell): which parties still exist, and how to open a row.
 */
export type AuditRowsContextValue = { parties: ExistingParties; openEvent: (id: string) => void };
export const AuditRowsContext = createContext<AuditRowsContextValue>({ parties: { users: {}, serviceAccounts: [] }, openEvent: () => {} });

const col = createColumnHelper<AuditTableFeatures, AuditEventRow>();

function TimeCell({ event }: { event: AuditEventRow }) {
  const { openEvent } = use(AuditRowsContext);
  return (
    <button
      type="button"
      onClick={(e) => {
        e.stopPropagation();
        openEvent(event.id);
      }}
      className="rounded text-left text-slate-900 hover:text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <EventTime iso={event.occurredAt} />
      <span className="sr-only">: details of event {event.id}</span>
    </button>
  );
}

function ActorCell({ event }: { event: AuditEventRow }) {
  return <AuditPartyCell party={actorOf(event, use(AuditRowsContext).parties)} />;
}

function TargetCell({ event }: { event: AuditEventRow }) {
  return <AuditPartyCell party={targetOf(event, use(AuditRowsContext).parties)} />;
}

export function getAuditColumns() {
  return col.columns([
    col.accessor("occurredAt", { header: "Time", meta: { card: "title" }, cell: (info) => <TimeCell event={info.row.original} /> }),
    col.accessor("actorName", { id: "actor", header: "Actor", cell: (info) => <ActorCell event={info.row.original} /> }),
    col.accessor("action", {
      header: "Action",
      cell: (info) => (
        <div className="leading-tight">
          <div className="text-slate-900">{actionLabel(info.getValue())}</div>
          <code className="text-xs text-slate-500">{info.getValue()}</code>
        </div>
      ),
    }),
    col.accessor("targetName", { id: "target", header: "Target", cell: (info) => <TargetCell event={info.row.original} /> }),
    col.accessor("ip", { header: "IP", meta: { card: "detail" }, cell: (info) => <span className="font-mono text-xs">{info.getValue() ?? "—"}</span> }),
    col.accessor("result", { header: "Result", cell: (info) => <ResultBadge result={info.getValue()} /> }),
  ]);
}
