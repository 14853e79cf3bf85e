// The browser's date inputs speak local wall-clock time; the server's schemas want an ISO instant. These
// convert both ways, so a form field can hold the ISO value the schema checks while the input shows local time.

const pad = (n: number) => String(n).padStart(2, "0");

/** A Date as an `<input type="date">` value, in local time: "2030-01-31". */
export function toDateInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A Date as an `<input type="datetime-local">` value, in local time: "2030-01-31T17:30". */
export function toDateTimeInputValue(date: Date): string {
  return `${toDateInputValue(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "2030-01-31" → the last millisecond of that local day, as an ISO instant. Empty → undefined. */
export function endOfLocalDayIso(value: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999).toISOString();
}

/** "2030-01-31T17:30" (local) → an ISO instant. Empty or partial → undefined. */
export function localDateTimeIso(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const at = new Date(value); // a date-time without an offset is read as local time
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** An ISO instant back to an input's local value (the inverse of the two above); empty when unset. */
export function isoToInputValue(iso: string | undefined, kind: "date" | "datetime-local"): string {
  if (!iso) return "";
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return "";
  return kind === "date" ? toDateInputValue(at) : toDateTimeInputValue(at);
}

/** Tomorrow's local date as an `<input type="date">` value: the earliest custom expiry. */
export function tomorrowDateInputValue(now = new Date()): string {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  return toDateInputValue(next);
}
