import { Prisma } from "@/lib/db/generated/client";
import { escapeLike } from "@/lib/lists/text-search";
import { OUTSIDE_EVENTS } from "./actions";
import type { AuditFilter } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const like = (text: string) => `%${escapeLike(text)}%`;

/**
 * The SQL condition for a filter, shared by the page, the exports and the API. The free-text expression is
 * the one the trigram index "AuditEvent_search_trgm" is built on (see the audit_search migration).
 */
export function auditWhere(filter: AuditFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.actor) {
    parts.push(UUID.test(filter.actor) ? Prisma.sql`"actorId" = ${filter.actor}` : Prisma.sql`"actorName" ILIKE ${like(filter.actor)}`);
  }
  if (filter.target) {
    parts.push(UUID.test(filter.target) ? Prisma.sql`"targetId" = ${filter.target}` : Prisma.sql`"targetName" ILIKE ${like(filter.target)}`);
  }
  if (filter.action?.length) parts.push(actionCondition(filter.action));
  if (filter.result) parts.push(Prisma.sql`"result" = ${filter.result}::"AuditResult"`);
  if (filter.from) parts.push(Prisma.sql`"occurredAt" >= ${new Date(filter.from)}`);
  if (filter.to) parts.push(Prisma.sql`"occurredAt" < ${new Date(filter.to)}`);
  if (filter.q) parts.push(Prisma.sql`${SEARCH_TEXT} ILIKE ${like(filter.q)}`);
  return Prisma.join(parts, " AND ");
}

/** The actions named, and every outside event (ext.<service>.<verb>) when OUTSIDE_EVENTS is among them. */
function actionCondition(actions: readonly string[]): Prisma.Sql {
  const named = actions.filter((action) => action !== OUTSIDE_EVENTS);
  const conditions = named.length ? [Prisma.sql`"action" IN (${Prisma.join(named)})`] : [];
  if (named.length < actions.length) conditions.push(Prisma.sql`"action" LIKE 'ext.%'`);
  return Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
}

export const SEARCH_TEXT = Prisma.sql`(coalesce("actorName", '') || ' ' || coalesce("targetName", '') || ' ' || "action" || ' ' || coalesce("metadata"::text, ''))`;
