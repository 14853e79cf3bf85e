import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ActorType, AuditResult } from "@/lib/db/generated/enums";
import type { RequestMeta } from "@/lib/http/request-context";
import type { AuditAction, OutsideAuditAction } from "./actions";
import { auditKeyring } from "./audit-keys";
import { AUDIT_CHAIN_LOCK, eventHash, GENESIS_HASH } from "./chain";
import { checkpointIfDue } from "./checkpoints/create-checkpoint";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

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
  await emitWebhookEvent(tx, event);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const [last] = await tx.$queryRaw<{ hash: string }[]>`SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1`;
  const [next] = await tx.$queryRaw<{ id: bigint }[]>`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id')) AS id`;
  const fields = {
      id: next!.id,
      occurredAt: new Date(),
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
  const prevHash = last?.hash ?? GENESIS_HASH;
  const { current } = auditKeyring();
  const hash = eventHash(prevHash, fields, current.key);
  await tx.auditEvent.create({
    data: { ...fields, metadata: fields.metadata ?? Prisma.DbNull, prevHash, hash, keyId: current.id },
  });
  await checkpointIfDue(tx, { id: fields.id, hash });
  return { id: fields.id };
}
