import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

import { DEFAULT_PAGE_SIZE, MAX_PAGE, PAGE_SIZES, type ListResult } from "./pagination";

// The one pagination/sort/search contract for every list, in the console and the API (sizes: ./pagination.ts).
export type { ListResult };

/** The search box of every list: one line of text. */
export const searchTextSchema = singleLineText().trim().max(100);


/** The strict schema a server function accepts: bad input is an error. */
export function listParamsSchema<const Sort extends readonly [string, ...string[]]>(sortable: Sort, defaultSort: Sort[number]) {
  return z.object({
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `Page size must be one of ${PAGE_SIZES.join(", ")}`)
      .default(DEFAULT_PAGE_SIZE),
    sort: z.enum(sortable).default(defaultSort),
    dir: z.enum(["asc", "desc"]).default("desc"),
    q: searchTextSchema.optional(),
  });
}

/**
 * A forgiving reading of the URL for the same schema: every field that does not parse falls back to its
 * default, so a hand-edited or stale link still shows a page.
 */
export function parseSearchParams<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
  searchParams: Record<string, string | string[] | undefined>,
): z.output<z.ZodObject<Shape>> {
  const forgiving = z.object(
    Object.fromEntries(
      Object.entries(schema.shape).map(([key, field]) => [key, (field as z.ZodType).catch(() => (field as z.ZodType).safeParse(undefined).data)]),
    ),
  );
  const flat = Object.fromEntries(
    Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value === "" ? undefined : value]),
  );
  return forgiving.parse(flat) as z.output<z.ZodObject<Shape>>;
}

export function toListResult<T>(rows: T[], total: number, page: number, pageSize: number): ListResult<T> {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
