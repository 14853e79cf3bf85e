import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";
import { validationError } from "@/lib/errors";
import { decodeCursor, toPage } from "@/lib/lists/cursor";
import type { listAuditEventsQuery } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newest first, keyset on id (insertion order). */
export async function listAuditEvents(query: z.output<typeof listAuditEventsQuery>) {
  const cursor = decodeCursor(query.cursor, ["string"]);
  if (query.cursor && !cursor) throw validationError({ cursor: ["Invalid cursor"] });
  const where: Prisma.AuditEventWhereInput = {
    AND: [
      query.action ? { action: query.action } : {},
      query.actor ? (UUID.test(query.actor) ? { actorId: query.actor } : { actorName: { contains: query.actor, mode: "insensitive" } }) : {},
      query.target ? (UUID.test(query.target) ? { targetId: query.target } : { targetName: { contains: query.target, mode: "insensitive" } }) : {},
      query.since ? { occurredAt: { gte: new Date(query.since) } } : {},
      query.until ? { occurredAt: { lt: new Date(query.until) } } : {},
      cursor ? { id: { lt: BigInt(cursor[0] as string) } } : {},
    ],
  };
  const rows = await db.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: query.limit + 1 });
  return toPage(
    rows,
    query.limit,
    (e) => ({
      id: e.id.toString(),
      occurredAt: e.occurredAt.toISOString(),
      actor: { type: e.actorType, id: e.actorId, name: e.actorName, tokenId: e.actorTokenId },
      action: e.action,
      target: e.targetId ? { type: e.targetType, id: e.targetId, name: e.targetName } : null,
      ip: e.ip,
      userAgent: e.userAgent,
      requestId: e.requestId,
      result: e.result,
      metadata: e.metadata,
    }),
    (e) => [e.id.toString()],
  );
}
