import type { Prisma, Tx } from "@/lib/db/client";
import type { ActorType, AuditResult } from "@/lib/db/generated/enums";
import type { RequestMeta } from "@/lib/http/request-context";
import type { AuditAction } from "./actions";

/** tokenId: the API token a service account acted with. */
export type AuditParty = { type: ActorType; id?: string | null; name?: string | null; tokenId?: string };
export type AuditTarget = { type: string; id: string; name?: string | null };

export type AuditEventInput = {
  action: AuditAction;
  actor: AuditParty;
  target?: AuditTarget;
  result?: AuditResult;
  metadata?: Prisma.InputJsonValue;
};

/**
 * The one way an audit event is written. It takes the transaction client of the change it records, so the
 * event commits or rolls back with it. Names are copied in so the event outlives its actor and target.
 */
export async function audit(tx: Tx, meta: RequestMeta, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
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
      metadata: event.metadata,
    },
  });
}
