"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo, useOptimistic, useTransition } from "react";
import type { AuditEventRow } from "@/lib/audit/audit-event-row";
import type { AuditPage } from "@/lib/audit/find-audit-events";
import type { ExistingParties } from "@/lib/audit/find-existing-parties";
import type { AuditFilter } from "@/lib/audit/schemas";
import { AuditRowsContext } from "./audit-columns";
import { AuditEventPanel } from "./audit-event-panel";
import { AuditFilters } from "./audit-filters";
import { AuditPagination } from "./audit-pagination";
import { AuditTable } from "./audit-table";
import { auditHref, DEFAULT_AUDIT_PAGE_SIZE, filterOf, hasFilter, type AuditListState } from "./audit-url";

type AuditLogProps = {
  page: AuditPage;
  /** The URL's state as the page parsed it: the filter, the page size and the cursor. */
  state: AuditListState;
  /** The event the URL opens (?event=), loaded by the server when it is not on this page. */
  focused: AuditEventRow | null;
  /** Which actors and targets on this page (and of `focused`) still exist, for links. */
  parties: ExistingParties;
};

/** The audit log: filters, one keyset page of events and the open event's panel. The URL is the state. */
export function AuditLog({ page, state, focused, parties }: AuditLogProps) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const { before, after, pageSize = DEFAULT_AUDIT_PAGE_SIZE } = state;
  const filter = filterOf(state);

  const [shownPageSize, setShownPageSize] = useOptimistic(pageSize);
  const go = (next: AuditListState) =>
    startTransition(() => {
      if (next.pageSize) setShownPageSize(next.pageSize); // the picker shows the new size while the page loads
      router.push(auditHref(next), { scroll: false });
    });
  // A new filter starts again at the newest events; paging keeps the filter.
  const applyFilter = (next: AuditFilter) => go({ ...next, pageSize });

  // The panel is client state kept in the URL (?event=, so Back closes it and a link can open it). Opening a row of
  // this page needs no new data, so it only updates the history entry, without asking the server again.
  const selectedId = searchParams.get("event");
  const selected = selectedId ? (page.rows.find((row) => row.id === selectedId) ?? (focused?.id === selectedId ? focused : null)) : null;
  const rowsContext = useMemo(() => ({ parties, openEvent: setOpenEvent }), [parties]);

  return (
    <AuditRowsContext value={rowsContext}>
      <div className="space-y-4">
        <AuditFilters filter={filter} onChange={applyFilter} />
        <AuditTable
          rows={page.rows}
          selectedId={selectedId}
          onOpen={setOpenEvent}
          busy={isPending}
          emptyMessage={hasFilter(filter) ? "No events match these filters." : before || after ? "No events on this page." : "No events yet."}
        />
        <AuditPagination
          count={page.rows.length}
          pageSize={shownPageSize}
          paged={Boolean(before || after)}
          canNewer={page.newerCursor !== null}
          canOlder={page.olderCursor !== null}
          onLatest={() => go({ ...filter, pageSize })}
          onNewer={() => go({ ...filter, pageSize, after: page.newerCursor ?? undefined })}
          onOlder={() => go({ ...filter, pageSize, before: page.olderCursor ?? undefined })}
          onPageSizeChange={(size) => go({ ...filter, pageSize: size, before, after })}
        />
      </div>
      <AuditEventPanel eventId={selectedId} event={selected} parties={parties} onClose={() => setOpenEvent(null)} />
    </AuditRowsContext>
  );
}

/** Opens (or, with null, closes) an event's panel: a new history entry, which Next's router follows. */
function setOpenEvent(id: string | null) {
  const url = new URL(window.location.href);
  if (id) url.searchParams.set("event", id);
  else url.searchParams.delete("event");
  window.history.pushState(null, "", url);
}
