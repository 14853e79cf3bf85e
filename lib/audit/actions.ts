// Every audit action Keyhold writes. Listed once so filters and tests know the full set.
export const AUDIT_ACTIONS = [
  "user.signed_in",
  "user.sign_in_failed",
  "user.signed_out",
  "user.created",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
