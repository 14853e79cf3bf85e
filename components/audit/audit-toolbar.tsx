"use client";
import { Download, ShieldCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { AuditFilter } from "@/lib/audit/schemas";
import { verifyAuditLogAction } from "@/lib/audit/server-actions";
import { ExportStatus } from "./export-status";
import { useAuditExport } from "./use-audit-export";
import { VerifyStatus, type VerifyState } from "./verify-status";

/** The log's read-only actions, for every role that sees it: Verify integrity and the two exports of the current filter. */
export function AuditToolbar({ filter }: { filter: AuditFilter }) {
  const router = useRouter();
  const [verify, setVerify] = useState<VerifyState>({ status: "idle" });
  const [, startTransition] = useTransition();
  const exporter = useAuditExport(filter);
  const exporting = exporter.state.status === "running";

  const runVerify = async () => {
    setVerify({ status: "running" });
    try {
      const result = await verifyAuditLogAction({});
      setVerify(result.ok ? { status: "done", result: result.data } : { status: "failed", message: result.error.message });
    } catch {
      setVerify({ status: "failed", message: "The integrity check could not be run. Try again." });
      return;
    }
    // The check is itself audited: show its event.
    startTransition(() => router.refresh());
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => void runVerify()} disabled={verify.status === "running"}>
          <ShieldCheck className="size-4" aria-hidden />
          Verify integrity
        </Button>
        <Button variant="secondary" onClick={() => void exporter.start("csv")} disabled={exporting}>
          <Download className="size-4" aria-hidden />
          Export CSV
        </Button>
        <Button variant="secondary" onClick={() => void exporter.start("ndjson")} disabled={exporting}>
          <Download className="size-4" aria-hidden />
          Export NDJSON
        </Button>
      </div>
      <div role="status" aria-label="Integrity check">
        <VerifyStatus state={verify} />
      </div>
      <div aria-live="polite">
        <ExportStatus state={exporter.state} onCancel={exporter.cancel} />
      </div>
    </div>
  );
}
