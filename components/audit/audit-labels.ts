import type { AuditAction, AuditActionFilter } from "@/lib/audit/actions";
import type { AuditEventRow } from "@/lib/audit/audit-event-row";
import type { ExistingParties } from "@/lib/audit/find-existing-parties";

export const AUDIT_ACTION_LABELS: Record<AuditActionFilter, string> = {
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Sign-in failed",
  "user.signed_out": "Signed out",
  "user.created": "User created",
  "user.role_changed": "User role changed",
  "user.disabled": "User disabled",
  "user.enabled": "User enabled",
  "service_account.created": "Service account created",
  "service_account.updated": "Service account updated",
  "service_account.deleted": "Service account deleted",
  "service_account.reassigned": "Service account reassigned",
  "token.created": "Token created",
  "token.regenerated": "Token regenerated",
  "token.revoked": "Token revoked",
  "api.request_refused": "API request refused",
  "action.refused": "Action refused",
  "audit.exported": "Audit log exported",
  "audit.verified": "Audit log verified",
  "audit.retention_changed": "Retention changed",
  "audit.purged": "Old events purged",
  "settings.changed": "Setting changed",
  "token.rotated": "Token rotated",
  "token.updated": "Token updated",
  "scope.created": "Scope created",
  "scope.updated": "Scope updated",
  "scope.archived": "Scope archived",
  "scope.unarchived": "Scope unarchived",
  "resource_type.created": "Resource type created",
  "resource_type.updated": "Resource type updated",
  "resource.created": "Resource created",
  "resource.archived": "Resource archived",
  "resource.unarchived": "Resource unarchived",
  "service_account.grants_changed": "Resource grants changed",
  "token.ip_denied": "Token used from a refused address",
  "token.authorize_denied": "Authorize answered no",
  "token.expiry_notice": "Expiry reminder",
  "token.expired_notice": "Expired-token notice",
  "notification.sent": "Email notice sent",
  "notification.preference_changed": "Email notice setting changed",
  "notification.test_requested": "Test email requested",
  "webhook.created": "Webhook endpoint added",
  "webhook.updated": "Webhook endpoint changed",
  "webhook.secret_rotated": "Webhook secret rotated",
  "webhook.deleted": "Webhook endpoint deleted",
  "webhook.test_sent": "Webhook test event sent",
  "webhook.redelivered": "Webhook event redelivered",
  "webhook.delivery_failed": "Webhook delivery failed",
  "webhook.disabled": "Webhook endpoint disabled",
  "token.leak_reported": "Token reported leaked",
  "token.suspended": "Token suspended (unused)",
  "token.suspension_notice": "Suspension warning sent",
  "token.resumed": "Token resumed",
  "ext.*": "Outside events (ext.*)",
};

/** A known action's label; an outside event (ext.<service>.<verb>) is shown by its name. */
export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action as AuditAction] ?? action;

export const AUDIT_RESULTS = {
  SUCCESS: { tone: "green", label: "Success" },
  FAILURE: { tone: "red", label: "Failure" },
  DENIED: { tone: "amber", label: "Denied" },
} as const;
export type AuditResultValue = keyof typeof AUDIT_RESULTS;

const ACTOR_KINDS: Record<string, string> = { USER: "User", SERVICE_ACCOUNT: "Service account", SYSTEM: "System", ANONYMOUS: "Anonymous" };
const TARGET_KINDS: Record<string, string> = { user: "User", service_account: "Service account", scope: "Scope", resource_type: "Resource type", resource: "Resource", webhook: "Webhook endpoint" };

/** One side of an event (its actor or its target), as the table and the detail panel show it. */
export type AuditParty = { kind: string; name: string; detail?: string; id: string | null; href?: string; gone?: boolean };

/** A user's name is stored as "Name <email>"; shown as the name, with the email beside it. */
function splitName(stored: string | null, fallback: string): { name: string; detail?: string } {
  if (!stored) return { name: fallback };
  const match = /^(.*) <([^<>]+)>$/.exec(stored);
  return match ? { name: match[1]!, detail: match[2] } : { name: stored };
}

/** Links go only to parties that still exist: a user to the users list searched by email, an account to its page. */
function partyHref(type: "user" | "service_account" | null, id: string | null, parties: ExistingParties): string | undefined {
  if (!id) return undefined;
  if (type === "user") {
    const email = parties.users[id];
    return email ? `/admin/users?q=${encodeURIComponent(email)}` : undefined;
  }
  if (type === "service_account" && parties.serviceAccounts.includes(id)) return `/admin/api-tokens/${id}`;
  return undefined;
}

export function actorOf(event: AuditEventRow, parties: ExistingParties): AuditParty {
  const kind = ACTOR_KINDS[event.actorType] ?? event.actorType;
  const type = event.actorType === "USER" ? "user" : event.actorType === "SERVICE_ACCOUNT" ? "service_account" : null;
  const href = partyHref(type, event.actorId, parties);
  return { kind, ...splitName(event.actorName, kind), id: event.actorId, href, gone: Boolean(type && event.actorId && !href) };
}

export function targetOf(event: AuditEventRow, parties: ExistingParties): AuditParty | null {
  if (!event.targetType && !event.targetId) return null;
  const kind = (event.targetType && TARGET_KINDS[event.targetType]) ?? event.targetType ?? "Unknown";
  const type = event.targetType === "user" || event.targetType === "service_account" ? event.targetType : null;
  const href = partyHref(type, event.targetId, parties);
  return { kind, ...splitName(event.targetName, event.targetId ?? kind), id: event.targetId, href, gone: Boolean(type && event.targetId && !href) };
}

/**
 * Who reported an outside event (ext.*): the service account in its metadata's `source`
 * (lib/authz/report-outside-event.ts), or null for Keyhold's own events.
 */
export function sourceOf(event: AuditEventRow, parties: ExistingParties): AuditParty | null {
  const source = event.action.startsWith("ext.") && event.metadata && typeof event.metadata === "object" ? (event.metadata as { source?: unknown }).source : null;
  if (!source || typeof source !== "object") return null;
  const { id, name } = source as { id?: unknown; name?: unknown };
  if (typeof id !== "string") return null;
  const href = partyHref("service_account", id, parties);
  return { kind: "Service account", name: typeof name === "string" ? name : id, id, href, gone: !href };
}
