"use client";
import { X } from "lucide-react";
import Link from "next/link";
import { Dialog as RadixDialog } from "radix-ui";
import { useRef, type ReactNode } from "react";
import type { AuditEventRow } from "@/lib/audit/audit-event-row";
import type { ExistingParties } from "@/lib/audit/find-existing-parties";
import { ResultBadge } from "./result-badge";
import { AuditChanges, changesOf } from "./audit-changes";
import { actionLabel, actorOf, sourceOf, targetOf, type AuditParty } from "./audit-labels";
import { PARTY_LINK } from "./audit-party";
import { auditHref } from "./audit-url";
import { EventTime } from "./event-time";

type AuditEventPanelProps = {
  /** The open event's id (from the URL); null when closed. */
  eventId: string | null;
  /** Its row, or null when it is neither on this page nor found (purged, or a bad link). */
  event: AuditEventRow | null;
  parties: ExistingParties;
  onClose: () => void;
};

/** A side panel with every field of one event, its metadata as JSON and its changes as a diff. */
export function AuditEventPanel({ eventId, event, parties, onClose }: AuditEventPanelProps) {
  // What to give focus back to on close. The panel opens from the URL (not a Radix trigger) and a click on the
  // row leaves focus on <body>, so it is found when the panel opens: the focused control, else the open row's button.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={eventId !== null} onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/30 dark:bg-black/60" />
        <RadixDialog.Content
          onOpenAutoFocus={() => {
            const focused = document.activeElement;
            opener.current =
              focused instanceof HTMLElement && focused !== document.body ? focused : document.querySelector<HTMLElement>('tr[aria-current="true"] button');
          }}
          onCloseAutoFocus={(e) => {
            const target = opener.current?.isConnected ? opener.current : document.querySelector<HTMLElement>('tr[aria-current="true"] button');
            if (!target) return;
            e.preventDefault();
            target.focus();
          }}
          className="fixed inset-y-0 right-0 z-50 flex w-[min(40rem,100vw)] flex-col bg-white shadow-xl focus:outline-none">
          <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-6 py-4">
            <div className="min-w-0">
              <RadixDialog.Title className="text-lg font-semibold text-slate-900">{event ? actionLabel(event.action) : "Event not found"}</RadixDialog.Title>
              <RadixDialog.Description className="mt-0.5 text-sm text-slate-600">Audit event {eventId}</RadixDialog.Description>
            </div>
            <RadixDialog.Close className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600">
              <X className="size-5" aria-hidden />
              <span className="sr-only">Close</span>
            </RadixDialog.Close>
          </div>
          <div className="flex-1 space-y-6 overflow-y-auto px-6 py-5">
            {event ? <EventDetail event={event} parties={parties} /> : <p className="text-sm text-slate-600">No event has this id. It may have been purged by the retention setting.</p>}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

function EventDetail({ event, parties }: { event: AuditEventRow; parties: ExistingParties }) {
  const changes = changesOf(event.metadata);
  const target = targetOf(event, parties);
  const source = sourceOf(event, parties);
  return (
    <>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2.5 text-sm">
        <Item label="Event id">{event.id}</Item>
        <Item label="Time">
          <EventTime iso={event.occurredAt} />
          <span className="block font-mono text-xs text-slate-500">{event.occurredAt}</span>
        </Item>
        <Item label="Action">
          {actionLabel(event.action)} <code className="text-xs text-slate-500">{event.action}</code>
        </Item>
        <Item label="Result">
          <ResultBadge result={event.result} />
        </Item>
        <Item label="Actor">
          <Party party={actorOf(event, parties)} filterHref={event.actorId ? auditHref({ actor: event.actorId }) : undefined} filterLabel="Events by this actor" />
        </Item>
        {event.actorTokenId ? <Item label="Actor token">{event.actorTokenId}</Item> : null}
        {source ? (
          <Item label="Reported by">
            <Party party={source} filterLabel="" />
          </Item>
        ) : null}
        <Item label="Target">
          {target ? <Party party={target} filterHref={event.targetId ? auditHref({ target: event.targetId }) : undefined} filterLabel="Events for this target" /> : "—"}
        </Item>
        <Item label="IP">{event.ip ?? "—"}</Item>
        <Item label="User agent">{event.userAgent ?? "—"}</Item>
        <Item label="Request id">{event.requestId ?? "—"}</Item>
        <Item label="Hash">{event.hash}</Item>
      </dl>
      {changes ? (
        <section aria-labelledby="audit-changes-heading" className="space-y-2">
          <h3 id="audit-changes-heading" className="text-sm font-semibold text-slate-900">
            Changes
          </h3>
          <AuditChanges before={changes.before} after={changes.after} />
        </section>
      ) : null}
      <section aria-labelledby="audit-metadata-heading" className="space-y-2">
        <h3 id="audit-metadata-heading" className="text-sm font-semibold text-slate-900">
          Metadata
        </h3>
        {/* Focusable: wide metadata scrolls sideways, and keyboard users must be able to scroll it too. */}
        <pre tabIndex={0} aria-labelledby="audit-metadata-heading" className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600">
          {event.metadata === null ? "null" : JSON.stringify(event.metadata, null, 2)}
        </pre>
      </section>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </>
  );
}

function Party({ party, filterHref, filterLabel }: { party: AuditParty; filterHref?: string; filterLabel: string }) {
  return (
    <div className="space-y-0.5">
      <div>
        {party.href ? (
          <Link href={party.href} className={PARTY_LINK}>
            {party.name}
          </Link>
        ) : (
          <span className="font-medium">{party.name}</span>
        )}
        <span className="text-slate-500">
          {" "}
          · {party.kind}
          {party.detail ? ` · ${party.detail}` : null}
          {party.gone ? " (no longer exists)" : null}
        </span>
      </div>
      {party.id ? <div className="break-all font-mono text-xs text-slate-500">{party.id}</div> : null}
      {filterHref ? (
        <Link href={filterHref} className="text-xs font-medium text-indigo-700 hover:underline">
          {filterLabel}
        </Link>
      ) : null}
    </div>
  );
}
