"use client";
import { useSyncExternalStore } from "react";
import { FocusTip } from "./focus-tip";

const noSubscription = () => () => {};
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const zonedFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });

/** What the server (and hydration) render: UTC, since the server cannot know the viewer's time zone. */
function utcText(iso: string, dateOnly = false): string {
  return dateOnly ? `${iso.slice(0, 10)} UTC` : `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/** "Dec 6, 2026, 3:04 PM GMT+1": the exact local time with its zone. */
export function zonedTime(iso: string): string {
  return zonedFormat.format(new Date(iso));
}

/**
 * A timestamp in the viewer's local time, with the exact UTC instant on hover. The server (and hydration)
 * render UTC; the client then switches to local time. `dateOnly` drops the time of day, for narrow columns
 * where the day is what matters; `zone` names the time zone (detail pages, the expiry a dialog will set).
 */
export function LocalTime({ iso, dateOnly = false, zone = false }: { iso: string; dateOnly?: boolean; zone?: boolean }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => (zone ? zonedTime(iso) : (dateOnly ? dateFormat : dateTimeFormat).format(new Date(iso))),
    () => utcText(iso, dateOnly),
  );
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}

// One clock for every relative time on the page: a tick every 10 s re-renders them ("2 minutes ago" moves on).
const TICK_MS = 10_000;
let tick = Math.floor(Date.now() / TICK_MS);
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribeClock(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    tick = Math.floor(Date.now() / TICK_MS);
    for (const notify of listeners) notify();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
const clockSnapshot = () => {
  // A first subscriber after a quiet spell must not see a stale tick.
  if (!timer) tick = Math.floor(Date.now() / TICK_MS);
  return tick;
};
const serverClock = () => null;

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "always" });
const DAY_MS = 86_400_000;
// [unit, its length, from how far off it is used]: a token made to last 30 days reads "in 30 days" (not "in 1
// month"), and one made to last 365 days "in 1 year", although a few seconds have gone by since.
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ["year", 365 * DAY_MS, 365 * DAY_MS - 3_600_000],
  ["month", 30.44 * DAY_MS, 45 * DAY_MS],
  ["day", DAY_MS, DAY_MS - 30 * 60_000],
  ["hour", 3_600_000, 3_600_000 - 30_000],
  ["minute", 60_000, 60_000 - 500],
];

/** "in 5 days", "2 minutes ago", "now": the difference in its largest unit, rounded. */
export function relativeTime(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  for (const [unit, ms, from] of UNITS) {
    if (Math.abs(diff) >= from) return relativeFormat.format(Math.round(diff / ms), unit);
  }
  return "now";
}

/**
 * A time relative to now ("in 5 days", "2 minutes ago"), with the absolute local time and zone on hover and on
 * keyboard focus. Hydration-safe like LocalTime: the server renders the UTC date, the client the relative text.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useSyncExternalStore(subscribeClock, clockSnapshot, serverClock);
  const absolute = useSyncExternalStore(noSubscription, () => zonedTime(iso), () => utcText(iso));
  return (
    <FocusTip tip={absolute} className="whitespace-nowrap">
      <time dateTime={iso} className="tabular-nums">
        {now === null ? utcText(iso, true) : relativeTime(iso, now * TICK_MS)}
      </time>
    </FocusTip>
  );
}
