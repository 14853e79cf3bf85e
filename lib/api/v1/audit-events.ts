import { z } from "zod";
import type { ApiReply } from "@/lib/api/api-reply";
import type { ApiContext } from "@/lib/api/route";
import { actorParty } from "@/lib/auth/actor";
import { EXPORT_CONTENT_TYPES, exportAuditEvents } from "@/lib/audit/export-audit-events";
import { AUDIT_COLUMNS, toAuditEventRow, type AuditEventRecord, type AuditEventRow } from "@/lib/audit/audit-event-row";
import { auditWhere } from "@/lib/audit/audit-where";
import type { AuditFilter } from "@/lib/audit/schemas";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { decodeCursor, toPage } from "@/lib/lists/cursor";
import { int64Id } from "@/lib/validation/ids";
import type { listAuditEventsQuery } from "./schemas";

type Query = z.output<typeof listAuditEventsQuery>;
const cursorKey = z.tuple([int64Id()]);

/** The API's filter names, in the console's filter (one contract for both). */
export function toAuditFilter(query: Pick<Query, "actor" | "action" | "target" | "since" | "until">): AuditFilter {
  return { actor: query.actor, action: query.action ? [query.action] : undefined, target: query.target, from: query.since, to: query.until };
}

/** Newest first, keyset on id. */
export async function listAuditEvents(query: Query) {
  const cursor = decodeCursor(query.cursor, cursorKey);
  const before = cursor ? Prisma.sql`AND id < ${BigInt(cursor[0])}` : Prisma.empty;
  const rows = await db.$queryRaw<AuditEventRecord[]>`
    SELECT ${Prisma.raw(AUDIT_COLUMNS)} FROM "AuditEvent" WHERE ${auditWhere(toAuditFilter(query))} ${before}
    ORDER BY id DESC LIMIT ${query.limit + 1}`;
  return toPage(rows, query.limit, (row) => apiEvent(toAuditEventRow(row)), (row) => [row.id.toString()]);
}

/** The NDJSON export (GET /api/v1/audit-events/export, and the deprecated ?format=ndjson), itself audited. */
export function exportViaApi({ actor, meta }: ApiContext, query: Omit<Query, "limit" | "cursor" | "format"> & { after?: string }): ApiReply {
  const stream = exportAuditEvents("ndjson", toAuditFilter(query), actorParty(actor), meta, apiEvent, BigInt(query.after ?? 0));
  return { status: 200, body: stream, headers: { "Content-Type": EXPORT_CONTENT_TYPES.ndjson } };
}

export function apiEvent(e: AuditEventRow) {
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    actor: { type: e.actorType, id: e.actorId, name: e.actorName, tokenId: e.actorTokenId },
    action: e.action,
    target: e.targetId ? { type: e.targetType, id: e.targetId, name: e.targetName } : null,
    ip: e.ip,
    userAgent: e.userAgent,
    requestId: e.requestId,
    result: e.result,
    metadata: e.metadata,
    hash: e.hash,
  };
}
