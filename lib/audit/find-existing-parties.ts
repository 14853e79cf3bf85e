import { db } from "@/lib/db/client";
import type { AuditEventRow } from "./audit-event-row";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parties of some events that still exist: users (id → current email) and service account ids. */
export type ExistingParties = { users: Record<string, string>; serviceAccounts: string[] };

/**
 * Which actors and targets of `events` still exist, so the page links only to those (an event outlives its
 * parties: names are copied into it). Two indexed lookups for the whole page.
 */
export async function findExistingParties(events: readonly AuditEventRow[]): Promise<ExistingParties> {
  const userIds = new Set<string>();
  const accountIds = new Set<string>();
  for (const event of events) {
    if (event.actorType === "USER" && event.actorId) userIds.add(event.actorId);
    if (event.actorType === "SERVICE_ACCOUNT" && event.actorId) accountIds.add(event.actorId);
    if (event.targetType === "user" && event.targetId) userIds.add(event.targetId);
    if (event.targetType === "service_account" && event.targetId) accountIds.add(event.targetId);
    // An outside event's reporter (lib/authz/report-outside-event.ts).
    const source = event.action.startsWith("ext.") ? (event.metadata as { source?: { id?: unknown } } | null)?.source?.id : undefined;
    if (typeof source === "string") accountIds.add(source);
  }
  const [users, accounts] = await Promise.all([
    userIds.size ? db.user.findMany({ where: { id: { in: [...userIds].filter((id) => UUID.test(id)) } }, select: { id: true, email: true } }) : [],
    accountIds.size ? db.serviceAccount.findMany({ where: { id: { in: [...accountIds].filter((id) => UUID.test(id)) } }, select: { id: true } }) : [],
  ]);
  return { users: Object.fromEntries(users.map((u) => [u.id, u.email])), serviceAccounts: accounts.map((a) => a.id) };
}
