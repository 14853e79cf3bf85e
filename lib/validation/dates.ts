import { z } from "zod";

// Every date a user supplies lies in 1970–9999 (UTC). Outside that, JavaScript still makes a Date, but its
// ISO form ("+010000-…", "-000001-…") is no RFC 3339 date: it broke the API's responses and the console's
// pages for good once stored.
export const EARLIEST = Date.UTC(1970, 0, 1);
export const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

// RFC 3339 date-time with an offset (zod's own, which also checks the day of the month), matched after
// upper-casing: RFC 3339 allows a lower-case "t" and "z".
const RFC3339 = z.regexes.datetime({ offset: true });

export const DATE_TIME_MESSAGE = "Enter a date and time (RFC 3339, e.g. 2027-01-31T12:00:00Z) between 1970 and 9999";

export const isWithinBounds = (time: number) => time >= EARLIEST && time <= LATEST;

/**
 * An RFC 3339 date-time between 1970 and 9999, upper-cased (so `new Date()` and PostgreSQL read it alike).
 * Documented as `format: date-time`.
 */
export function boundedDateTime(message = DATE_TIME_MESSAGE) {
  return z
    .string()
    .trim()
    .toUpperCase()
    .refine((text) => RFC3339.test(text) && isWithinBounds(Date.parse(text)), message)
    .meta({ format: "date-time" });
}

/**
 * A stored date as RFC 3339, clamped into 1970–9999: a value that got in before these bounds existed (or by
 * SQL) must not break the page or the API response that shows it. Past year 9999 the database driver reads
 * an Invalid Date (whose toISOString throws): shown as the latest instant, it still reads as "far away".
 */
export function toIsoDateTime(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) return new Date(LATEST).toISOString();
  return new Date(Math.min(Math.max(time, EARLIEST), LATEST)).toISOString();
}

export const toIsoDateTimeOrNull = (date: Date | null): string | null => (date ? toIsoDateTime(date) : null);
