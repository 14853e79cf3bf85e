import { audit, type AuditParty } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pool";
import { Prisma } from "@/lib/db/generated/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { csvHeader, csvRow } from "./audit-csv";
import { AUDIT_COLUMNS, toAuditEventRow, type AuditEventRecord, type AuditEventRow } from "./audit-event-row";
import { auditWhere } from "./audit-where";
import type { AuditFilter } from "./schemas";

const BATCH = 1_000;
export const EXPORT_CONTENT_TYPES = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson" } as const;

/**
 * The filter's events, oldest first, read in keyset batches: memory stays flat however many there are. Read
 * with node-postgres rather than Prisma: Prisma's query engine keeps memory it has grown for large results.
 */
export async function* auditEventBatches(filter: AuditFilter, start = 0n): AsyncGenerator<AuditEventRow[]> {
  const where = auditWhere(filter);
  let after = start;
  for (;;) {
    const query = Prisma.sql`SELECT ${Prisma.raw(AUDIT_COLUMNS)} FROM "AuditEvent" WHERE ${where} AND id > ${after} ORDER BY id LIMIT ${BATCH}`;
    const { rows } = await pgPool().query<Omit<AuditEventRecord, "id"> & { id: string }>(query.text, query.values);
    if (!rows.length) return;
    yield rows.map((row) => toAuditEventRow({ ...row, id: BigInt(row.id) }));
    after = BigInt(rows.at(-1)!.id);
    if (rows.length < BATCH) return;
  }
}

export function countAuditEvents(filter: AuditFilter): Promise<number> {
  return db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AuditEvent" WHERE ${auditWhere(filter)}`.then(([r]) => Number(r!.n));
}

const formatters = {
  csv: () => ({ header: csvHeader(), row: (e: AuditEventRow) => csvRow(e) }),
  ndjson: (shape: (e: AuditEventRow) => unknown) => ({ header: "", row: (e: AuditEventRow) => `${JSON.stringify(shape(e))}\n` }),
};

/**
 * A streamed export of the filter's events. When the last row is sent, the export itself is audited
 * (audit.exported, with the filter and the row count).
 */
export function exportAuditEvents(
  format: keyof typeof formatters,
  filter: AuditFilter,
  actor: AuditParty,
  meta: RequestMeta,
  /** NDJSON lines: the event as the caller's API shapes it (the console's flat row by default). */
  shape: (e: AuditEventRow) => unknown = (e) => e,
  /** Resume: only events whose id is greater (the API's `after`). */
  after = 0n,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { header, row } = formatters[format](shape);
  const batches = auditEventBatches(filter, after);
  let count = 0;
  return new ReadableStream({
    start(controller) {
      if (header) controller.enqueue(encoder.encode(header));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        await db.$transaction((tx) => audit(tx, meta, { action: "audit.exported", actor, metadata: { format, filter, rows: count } }));
        controller.close();
        return;
      }
      count += next.value.length;
      controller.enqueue(encoder.encode(next.value.map(row).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
