"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/**
 * A timestamp in the viewer's local time, with the exact UTC instant on hover. The server (and hydration)
 * render UTC, since the server cannot know the viewer's time zone; the client then switches to local time.
 * `dateOnly` drops the time of day, for narrow columns where the day is what matters.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => (dateOnly ? dateFormat : dateTimeFormat).format(new Date(iso)),
    () => (dateOnly ? `${iso.slice(0, 10)} UTC` : `${iso.slice(0, 16).replace("T", " ")} UTC`),
  );
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
