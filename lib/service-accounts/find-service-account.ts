import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { toIsoDateTimeOrNull } from "@/lib/validation/dates";
import { tokenStatus } from "@/lib/tokens/token-status";
import { canManageAccount, readableServiceAccounts } from "./access";
import { OWNER_FIELDS } from "./find-service-accounts";

const RECENT_EVENTS = 20;

/** The detail page's data: the account, all its tokens (newest first) and its recent audit events. */
export async function findServiceAccount(actor: Actor, id: string) {
  const account = await db.serviceAccount.findFirst({
    where: { AND: [{ id }, readableServiceAccounts(actor)] },
    include: { owner: { select: OWNER_FIELDS }, tokens: { orderBy: { createdAt: "desc" } } },
  });
  if (!account) return null;
  const events = await db.auditEvent.findMany({
    where: { targetType: "service_account", targetId: account.id },
    orderBy: { id: "desc" },
    take: RECENT_EVENTS,
  });
  const now = Date.now();
  return {
    id: account.id,
    name: account.name,
    description: account.description,
    role: account.role,
    owner: account.owner,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
    canManage: canManageAccount(actor, account),
    status: tokenStatus({ expiresAt: account.tokenExpiresAt, revokedAt: account.tokenRevokedAt }, now),
    // The latest expiry among its current tokens and the latest use of any token, as the list shows them.
    expiresAt: toIsoDateTimeOrNull(account.tokenExpiresAt),
    lastUsedAt: toIsoDateTimeOrNull(account.lastUsedAt),
    tokens: account.tokens.map((t) => ({
      id: t.id,
      publicId: t.publicId,
      hint: t.hint,
      status: tokenStatus(t, now),
      current: t.replacedById === null,
      createdAt: t.createdAt.toISOString(),
      expiresAt: toIsoDateTimeOrNull(t.expiresAt),
      lastUsedAt: toIsoDateTimeOrNull(t.lastUsedAt),
      lastUsedIp: t.lastUsedIp,
      revokedAt: toIsoDateTimeOrNull(t.revokedAt),
    })),
    events: events.map((e) => ({
      id: e.id.toString(),
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      actorName: e.actorName,
      actorType: e.actorType,
      result: e.result,
      ip: e.ip,
    })),
  };
}

export type ServiceAccountDetail = NonNullable<Awaited<ReturnType<typeof findServiceAccount>>>;
