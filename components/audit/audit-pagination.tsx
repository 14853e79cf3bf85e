import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PageSizeSelect } from "@/components/ui/pagination";
import { AUDIT_PAGE_SIZES } from "@/lib/audit/schemas";

type AuditPaginationProps = {
  count: number;
  pageSize: number;
  /** On a page reached through a cursor (not the newest one). */
  paged: boolean;
  canNewer: boolean;
  canOlder: boolean;
  onLatest: () => void;
  onNewer: () => void;
  onOlder: () => void;
  onPageSizeChange: (pageSize: number) => void;
};

/** Keyset paging: toward newer or older events from this page; no page numbers, since there is no OFFSET. */
export function AuditPagination({ count, pageSize, paged, canNewer, canOlder, onLatest, onNewer, onOlder, onPageSizeChange }: AuditPaginationProps) {
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        {count} {count === 1 ? "event" : "events"} on this page{paged ? "" : " (newest first)"}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <PageSizeSelect pageSize={pageSize} pageSizes={AUDIT_PAGE_SIZES} onChange={onPageSizeChange} />
        <div className="flex items-center gap-1">
          <Button variant="ghost" size="sm" onClick={onLatest} disabled={!paged}>
            <ChevronsLeft className="size-4" aria-hidden />
            Latest
          </Button>
          <Button variant="secondary" size="sm" onClick={onNewer} disabled={!canNewer}>
            <ChevronLeft className="size-4" aria-hidden />
            Newer
          </Button>
          <Button variant="secondary" size="sm" onClick={onOlder} disabled={!canOlder}>
            Older
            <ChevronRight className="size-4" aria-hidden />
          </Button>
        </div>
      </div>
    </nav>
  );
}
