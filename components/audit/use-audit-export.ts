"use client";
import { useEffect, useRef, useState } from "react";
import type { AuditFilter } from "@/lib/audit/schemas";
import { auditQuery } from "./audit-url";

export type ExportFormat = "csv" | "ndjson";
export type ExportState =
  | { status: "idle" }
  | { status: "running"; format: ExportFormat; rows: number; total: number | null }
  | { status: "done"; format: ExportFormat; rows: number; filename: string }
  | { status: "cancelled" }
  | { status: "failed"; message: string };

const NEWLINE = 10; // "\n" is one byte in UTF-8 and never part of another character's bytes
const HEADER_LINES: Record<ExportFormat, number> = { csv: 1, ndjson: 0 };
const PROGRESS_EVERY_MS = 100;

/**
 * Downloads the filter's events as the export route streams them, counting rows (lines) as they arrive so a
 * large export shows its progress, then saves them as a file. One export at a time; Cancel aborts it.
 */
export function useAuditExport(filter: AuditFilter) {
  const [state, setState] = useState<ExportState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async (format: ExportFormat) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: "running", format, rows: 0, total: null });
    try {
      const query = auditQuery(filter);
      query.set("format", format);
      const response = await fetch(`/admin/audit-log/export?${query.toString()}`, { signal: abort.signal, cache: "no-store" });
      if (!response.ok || !response.body) throw new Error(await failureMessage(response));
      const header = response.headers.get("X-Total-Count");
      const total = header !== null && /^\d+$/.test(header) ? Number(header) : null;
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const reader = response.body.getReader();
      let lines = 0;
      let shownAt = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (const byte of value) if (byte === NEWLINE) lines += 1;
        if (Date.now() - shownAt > PROGRESS_EVERY_MS) {
          shownAt = Date.now();
          setState({ status: "running", format, rows: Math.max(0, lines - HEADER_LINES[format]), total });
        }
      }
      const filename = filenameOf(response.headers.get("Content-Disposition")) ?? `keyhold-audit.${format}`;
      saveFile(new Blob(chunks, { type: response.headers.get("Content-Type") ?? "application/octet-stream" }), filename);
      setState({ status: "done", format, rows: Math.max(0, lines - HEADER_LINES[format]), filename });
    } catch (error) {
      if (abort.signal.aborted) setState({ status: "cancelled" });
      else setState({ status: "failed", message: error instanceof Error ? error.message : "The export failed." });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const cancel = () => controller.current?.abort();
  return { state, start, cancel };
}

async function failureMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not JSON: fall through to the status
  }
  return `The export failed (HTTP ${response.status}).`;
}

function filenameOf(disposition: string | null): string | null {
  const match = disposition && /filename="?([^";]+)"?/i.exec(disposition);
  return match ? match[1]! : null;
}

function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; keep it a little longer for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
