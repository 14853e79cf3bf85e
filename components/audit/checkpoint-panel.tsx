import { Download } from "lucide-react";
import { LocalTime } from "@/components/ui/local-time";
import { AUDIT_LOG_PATH } from "./audit-url";
import { CopyPublicKey } from "./copy-public-key";

/** The route handler that serves the latest checkpoint as a file (app/(console)/admin/audit-log/checkpoint). */
export const CHECKPOINT_DOWNLOAD_PATH = `${AUDIT_LOG_PATH}/checkpoint`;

export type CheckpointPanelProps = {
  fingerprint: string;
  publicKeyPem: string;
  latest: { eventId: string; count: number; time: string } | null;
};

/**
 * Signed checkpoints for auditors: the key that signs them, and the latest one to download and keep outside
 * Keyhold. `npm run audit:verify -- --checkpoint <file>` later proves nothing before it was rewritten.
 */
export function CheckpointPanel({ fingerprint, publicKeyPem, latest }: CheckpointPanelProps) {
  return (
    <section aria-labelledby="checkpoints-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="checkpoints-heading" className="text-base font-semibold text-slate-900">
        Signed checkpoints
      </h2>
      <p className="text-sm text-slate-700">
        Every 1,000 events or 10 minutes, Keyhold signs the chain&apos;s latest hash with its Ed25519 key. Keep a checkpoint outside Keyhold:
        a later rewrite of any event before it is then detected, even by someone with database access.
      </p>
      {latest ? (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <a
            href={CHECKPOINT_DOWNLOAD_PATH}
            download
            className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            <Download className="size-4" aria-hidden />
            Download latest checkpoint
          </a>
          <p className="text-sm text-slate-600">
            Event {latest.eventId}, {latest.count.toLocaleString("en-US")} {latest.count === 1 ? "event" : "events"}, signed <LocalTime iso={latest.time} />
          </p>
        </div>
      ) : (
        <p className="text-sm text-slate-600">No checkpoint has been signed yet: the first follows within 10 minutes of the first event.</p>
      )}
      <dl className="text-sm">
        <dt className="font-medium text-slate-700">Key fingerprint (SHA-256)</dt>
        <dd className="break-all font-mono text-xs text-slate-900">{fingerprint}</dd>
      </dl>
      <CopyPublicKey pem={publicKeyPem} />
    </section>
  );
}
