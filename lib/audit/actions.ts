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
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
