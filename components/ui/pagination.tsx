import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId } from "react";
import { Button } from "./button";
import { Select } from "./input";

export type PaginationProps = {
  /** 1-based. */
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  pageSizes: readonly number[];
  canPrevious: boolean;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSizeChange: (pageSize: number) => void;
  /** What the list holds, for the total: ["user", "users"]. */
  noun?: readonly [singular: string, plural: string];
};

/** Previous/next paging with a page-size picker, for any server-paginated list (ListResult). */
export function Pagination({
  page,
  pageCount,
  total,
  pageSize,
  pageSizes,
  canPrevious,
  canNext,
  onPrevious,
  onNext,
  onPageSizeChange,
  noun = ["result", "results"],
}: PaginationProps) {
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        {total} {total === 1 ? noun[0] : noun[1]}
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <PageSizeSelect pageSize={pageSize} pageSizes={pageSizes} onChange={onPageSizeChange} />
        <p aria-live="polite" className="whitespace-nowrap tabular-nums">
          Page {page} of {Math.max(1, pageCount)}
        </p>
        <div className="flex items-center gap-1">
          <Button variant="secondary" size="sm" onClick={onPrevious} disabled={!canPrevious}>
            <ChevronLeft className="size-4" aria-hidden />
            Previous
          </Button>
          <Button variant="secondary" size="sm" onClick={onNext} disabled={!canNext}>
            Next
            <ChevronRight className="size-4" aria-hidden />
          </Button>
        </div>
      </div>
    </nav>
  );
}

/** "Rows per page", for every paged list (offset or keyset). */
export function PageSizeSelect({ pageSize, pageSizes, onChange }: { pageSize: number; pageSizes: readonly number[]; onChange: (pageSize: number) => void }) {
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="whitespace-nowrap">
        Rows per page
      </label>
      <Select id={id} value={pageSize} onChange={(e) => onChange(Number(e.target.value))} className="w-auto py-1">
        {pageSizes.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </Select>
    </div>
  );
}
