// Page sizes and the shape of a page of results: apart from ./list-params (zod) because the lists' browser code
// (components/ui/data-table.tsx) needs them too.
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

// Past this, a page number is no link anyone made (and OFFSET would only scan to find nothing).
export const MAX_PAGE = 100_000;

export type ListResult<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };
