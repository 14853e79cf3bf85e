import { z } from "zod";
import { AppError } from "@/lib/errors";
import { singleLineText } from "@/lib/validation/text";

// The one cursor contract of the API's lists: `limit` (≤ 100) and an opaque `cursor`, answered with
// `{ data, nextCursor }`. The cursor holds the sort key of the last row (keyset pagination, no OFFSET).
export const MAX_LIMIT = 100;

export const cursorParamsSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT, `limit must be at most ${MAX_LIMIT}`).default(50),
  cursor: singleLineText().max(200).optional().describe("The previous page's nextCursor (any other value: 422 invalid_cursor)"),
});

export type Page<T> = { data: T[]; nextCursor: string | null };

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

export const invalidCursorError = () =>
  new AppError("invalid_cursor", "The cursor is not one this API issued: start again without it.", { cursor: ["Invalid cursor"] });

/**
 * The cursor's values, checked against the list's key schema (a tuple of the sort key's types and bounds), or
 * null when there is none. A cursor is client input like any other: one that does not decode to that key is
 * refused with `invalid_cursor` before it reaches a query.
 */
export function decodeCursor<Key extends z.ZodType>(cursor: string | undefined, key: Key): z.output<Key> | null {
  if (!cursor) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursorError();
  }
  const parsed = key.safeParse(values);
  if (!parsed.success) throw invalidCursorError();
  return parsed.data;
}

/** A sort key that is a name: bounded one-line text, as the names it comes from. */
export const nameKey = () => singleLineText().max(200);

/** Turns `limit + 1` fetched rows into a page: the extra row only says there is a next page. */
export function toPage<Row, T>(rows: Row[], limit: number, map: (row: Row) => T, keyOf: (row: Row) => (string | number)[]): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { data: shown.map(map), nextCursor: more && shown.length ? encodeCursor(keyOf(shown[shown.length - 1]!)) : null };
}
