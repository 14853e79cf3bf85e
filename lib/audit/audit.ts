import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ActorType, AuditResult } from "@/lib/db/generated/enums";
import type { RequestMeta } from "@/lib/http/request-context";
import type { AuditAction, OutsideAuditAction } from "./actions";
import { auditKeyring } from "./audit-keys";
import { AUDIT_CHAIN_LOCK, eventHash, GENESIS_HASH } from "./chain";
import { checkpointIfDue } from "./checkpoints/create-checkpoint";
import { emitWebhookEvents } from "@/lib/webhooks/emit-webhook-event";

/** tokenId: the API token a service account acted with. */
export type AuditParty = { type: ActorType; id?: string | null; name?: string | null; tokenId?: string };
export type AuditTarget = { type: string; id: string; name?: string | null };

export type AuditEventInput = {
  action: AuditAction | OutsideAuditAction;
  actor: AuditParty;
  target?: AuditTarget;
  result?: AuditResult;
  metadata?: Prisma.InputJsonValue;
};

/**
 * The one way an audit event is written. It takes the transaction client of the change it records, so the
 * event commits or rolls back with it. Names are copied in so the event outlives its actor and target.
 *
 * It chains the event to the previous one under a lock held to the end of the transaction, so call it after
 * the change's own writes (no row lock may be taken after it: that is what keeps writers from deadlocking).
 * The hash is keyed (KEYHOLD_AUDIT_KEY, its id stored with the event); every 1,000 events it also signs a
 * checkpoint of the chain.
 *
 * Events that are webhook events (lib/webhooks/events.ts) also get their deliveries and jobs here, first: those
 * inserts take key-share locks on the endpoints, which must come before the chain lock.
 */
export async function audit(tx: Tx, meta: RequestMeta, event: AuditEventInput): Promise<{ id: bigint }> {
  const [written] = await auditMany(tx, meta, [event]);
  return written!;
}

/**
 * What audit() does for several events at once, chained in their order under one lock and written in one
 * insert: for work that records many events in one transaction (the expiry scan's notices), where one
 * audit() per event would take thousands of round trips.
 */
export async function auditMany(tx: Tx, meta: RequestMeta, events: readonly AuditEventInput[]): Promise<{ id: bigint }[]> {
  if (events.length === 0) return [];
  await emitWebhookEvents(tx, events);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const [last] = await tx.$queryRaw<{ hash: string }[]>`SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1`;
  const ids = (await tx.$queryRaw<{ id: bigint }[]>`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS id FROM generate_series(1, ${events.length})`)
    .map((row) => row.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const { current } = auditKeyring();
  const occurredAt = new Date();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((event, i) => {
    const fields = {
      id: ids[i]!,
      occurredAt,
      action: event.action,
      actorType: event.actor.type,
      actorId: event.actor.id ?? null,
      actorName: event.actor.name ?? null,
      actorTokenId: event.actor.tokenId ?? null,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      targetName: event.target?.name ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      requestId: meta.requestId,
      result: event.result ?? "SUCCESS",
      metadata: event.metadata === undefined ? null : (JSON.parse(JSON.stringify(event.metadata)) as Prisma.InputJsonValue),
    };
    const hash = eventHash(prevHash, fields, current.key);
    const row = { ...fields, prevHash, hash, keyId: current.id };
    prevHash = hash;
    return row;
  });
  await insertEvents(tx, rows);
  await checkpointIfDue(tx, rows);
  return rows.map(({ id }) => ({ id }));
}

const COLUMNS = `id bigint, "occurredAt" timestamptz, action text, "actorType" text, "actorId" text, "actorName" text, "actorTokenId" text, "targetType" text, "targetId" text, "targetName" text, ip text, "userAgent" text, "requestId" text, result text, metadata jsonb, "prevHash" text, hash text, "keyId" text`;

/**
 * One INSERT for the whole batch, its rows as one JSON parameter (a few thousand events would otherwise be
 * tens of thousands of bind parameters). A JSON null metadata is stored as SQL NULL, as before.
 */
async function insertEvents(tx: Tx, rows: readonly (Record<string, unknown> & { id: bigint; occurredAt: Date })[]): Promise<void> {
  const json = JSON.stringify(rows.map((row) => ({ ...row, id: row.id.toString(), occurredAt: row.occurredAt.toISOString() })));
  await tx.$executeRawUnsafe(
    `INSERT INTO "AuditEvent" (id, "occurredAt", action, "actorType", "actorId", "actorName", "actorTokenId", "targetType", "targetId", "targetName", ip, "userAgent", "requestId", result, metadata, "prevHash", hash, "keyId")
     SELECT id, "occurredAt", action, "actorType"::"ActorType", "actorId", "actorName", "actorTokenId", "targetType", "targetId", "targetName", ip, "userAgent", "requestId", result::"AuditResult", metadata, "prevHash", hash, "keyId"
     FROM jsonb_to_recordset($1::jsonb) AS r(${COLUMNS}) ORDER BY id`,
    json,
  );
}
