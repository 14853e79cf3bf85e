"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
// Seconds matter in an audit trail: several events often fall in the same minute.
const format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/**
 * An event's time in the viewer's local time, with the exact UTC instant on hover. The server (and hydration)
 * render UTC, which it cannot avoid without the viewer's time zone; the client then switches to local time.
 */
export function EventTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => format.format(new Date(iso)),
    () => `${iso.slice(0, 19).replace("T", " ")} UTC`,
  );
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
