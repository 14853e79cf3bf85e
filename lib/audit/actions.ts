// Every audit action Keyhold writes. Listed once so filters and tests know the full set.
export const AUDIT_ACTIONS = [
  "user.signed_in",
  "user.sign_in_failed",
  "user.signed_out",
  "user.created",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "service_account.created",
  "service_account.updated",
  "service_account.deleted",
  "service_account.reassigned",
  "token.created",
  "token.regenerated",
  "token.revoked",
  "api.request_refused",
  "action.refused",
  "audit.exported",
  "audit.verified",
  "audit.retention_changed",
  "audit.purged",
  "settings.changed",
  "token.rotated",
  "token.updated",
  "scope.created",
  "scope.updated",
  "scope.archived",
  "scope.unarchived",
  "resource_type.created",
  "resource_type.updated",
  "resource.created",
  "resource.archived",
  "resource.unarchived",
  "service_account.grants_changed",
  "token.ip_denied",
  "token.authorize_denied",
  // Email notices (lib/notifications, lib/mail): the scan's reminders, each email sent, the settings.
  "token.expiry_notice",
  "token.expired_notice",
  "notification.sent",
  "notification.preference_changed",
  "notification.test_requested",
  // Webhooks (lib/webhooks): endpoints changed in Admin → Webhooks or the API, and what deliveries did to them.
  "webhook.created",
  "webhook.updated",
  "webhook.secret_rotated",
  "webhook.deleted",
  "webhook.test_sent",
  "webhook.redelivered",
  "webhook.delivery_failed",
  "webhook.disabled",
  "token.leak_reported",
  "token.suspended",
  "token.suspension_notice",
  "token.resumed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Outside events (POST /api/v1/audit-events): what tokens did in other services, `ext.<service>.<verb>`
 * (lib/authz/outside-event-schema.ts validates the name).
 */
export type OutsideAuditAction = `ext.${string}`;
/** The Action filter's choice for every outside event (matched as a prefix, lib/audit/audit-where.ts). */
export const OUTSIDE_EVENTS = "ext.*";
/** What the Action filter may hold: the known actions, and all outside events at once. */
export const AUDIT_ACTION_FILTERS = [...AUDIT_ACTIONS, OUTSIDE_EVENTS] as const;
export type AuditActionFilter = (typeof AUDIT_ACTION_FILTERS)[number];
