import { z } from "zod";

// The one cursor contract of the API's lists: `limit` (≤ 100) and an opaque `cursor`, answered with
// `{ data, nextCursor }`. The cursor holds the sort key of the last row (keyset pagination, no OFFSET).
export const MAX_LIMIT = 100;

export const cursorParamsSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`).default(50),
  cursor: z.string().max(200).optional(),
});

export type Page<T> = { data: T[]; nextCursor: string | null };

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The cursor's values, or null when it is not one this API issued. */
export function decodeCursor(cursor: string | undefined, shape: ("string" | "number")[]): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(values) || values.length !== shape.length) return null;
    return values.every((v, i) => typeof v === shape[i]) ? (values as (string | number)[]) : null;
  } catch {
    return null;
  }
}

/** Turns `limit + 1` fetched rows into a page: the extra row only says there is a next page. */
export function toPage<Row, T>(rows: Row[], limit: number, map: (row: Row) => T, keyOf: (row: Row) => (string | number)[]): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { data: shown.map(map), nextCursor: more && shown.length ? encodeCursor(keyOf(shown[shown.length - 1]!)) : null };
}
