import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { isInt64Id } from "@/lib/validation/ids";
import { AUDIT_COLUMNS, toAuditEventRow, type AuditEventRecord, type AuditEventRow } from "./audit-event-row";
import { auditWhere } from "./audit-where";
import type { AuditPageParams } from "./schemas";

export type AuditPage = { rows: AuditEventRow[]; newerCursor: string | null; olderCursor: string | null };

/**
 * One page, newest first, by keyset on id: `before` pages to older events, `after` back to newer ones. One
 * extra row tells whether there is more in the direction of travel; the other direction is known from the
 * cursor itself (something was there to come from).
 */
export async function findAuditEvents(params: AuditPageParams): Promise<AuditPage> {
  const where = auditWhere(params);
  const limit = params.pageSize + 1;
  const towardNewer = Boolean(params.after) && !params.before;
  const cursor = towardNewer
    ? Prisma.sql`AND id > ${BigInt(params.after!)}`
    : params.before
      ? Prisma.sql`AND id < ${BigInt(params.before)}`
      : Prisma.empty;
  const order = towardNewer ? Prisma.sql`ORDER BY id ASC` : Prisma.sql`ORDER BY id DESC`;
  const fetched = await db.$queryRaw<AuditEventRecord[]>`
    SELECT ${Prisma.raw(AUDIT_COLUMNS)} FROM "AuditEvent" WHERE ${where} ${cursor} ${order} LIMIT ${limit}`;
  const more = fetched.length > params.pageSize;
  const page = (more ? fetched.slice(0, params.pageSize) : fetched).map(toAuditEventRow);
  if (towardNewer) page.reverse();
  const newest = page[0]?.id ?? null;
  const oldest = page.at(-1)?.id ?? null;
  return {
    rows: page,
    newerCursor: towardNewer ? (more ? newest : null) : params.before ? newest : null,
    olderCursor: towardNewer ? oldest : more ? oldest : null,
  };
}

export async function findAuditEvent(id: string): Promise<AuditEventRow | null> {
  if (!isInt64Id(id)) return null;
  const [row] = await db.$queryRaw<AuditEventRecord[]>`
    SELECT ${Prisma.raw(AUDIT_COLUMNS)} FROM "AuditEvent" WHERE id = ${BigInt(id)}`;
  return row ? toAuditEventRow(row) : null;
}
