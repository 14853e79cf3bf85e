// The webhook events Keyhold sends, and which audit action each one is (the audit trail is where every change
// is written, so lib/audit/audit.ts emits them: one place, in the change's own transaction).
import type { AuditEventInput } from "@/lib/audit/audit";

export const WEBHOOK_EVENTS = [
  "service_account.created",
  "service_account.updated",
  "service_account.deleted",
  "token.created",
  "token.rotated",
  "token.revoked",
  "token.expiring",
  "token.expired",
  "token.leaked",
  "token.suspended",
  "policy.updated",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Sent only by Send test event, to one endpoint, whatever it subscribed to. */
export const TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "service_account.created": "Service account created",
  "service_account.updated": "Service account updated",
  "service_account.deleted": "Service account deleted",
  "token.created": "Token created",
  "token.rotated": "Token rotated or regenerated",
  "token.revoked": "Token revoked",
  "token.expiring": "Token expiring (30, 7 and 1 days before)",
  "token.expired": "Token expired",
  "token.leaked": "Token reported leaked",
  "token.suspended": "Token suspended (unused)",
  "policy.updated": "Token policy changed",
};

const BY_ACTION: Partial<Record<string, WebhookEventType>> = {
  "service_account.created": "service_account.created",
  "service_account.updated": "service_account.updated",
  "service_account.deleted": "service_account.deleted",
  "token.created": "token.created",
  "token.rotated": "token.rotated",
  "token.regenerated": "token.rotated",
  "token.revoked": "token.revoked",
  "token.expiry_notice": "token.expiring",
  "token.expired_notice": "token.expired",
  "token.leak_reported": "token.leaked",
  "token.suspended": "token.suspended",
};

/** The token policy's settings (lib/policy): a change to one of them is policy.updated. */
const POLICY_SETTING = /^tokens\./;

/** The webhook event an audit event is, if any (refused actions are not events). */
export function webhookEventOf(event: Pick<AuditEventInput, "action" | "result" | "metadata">): WebhookEventType | null {
  if (event.result && event.result !== "SUCCESS") return null;
  if (event.action === "settings.changed") {
    const setting = (event.metadata as { setting?: unknown } | undefined)?.setting;
    return typeof setting === "string" && POLICY_SETTING.test(setting) ? "policy.updated" : null;
  }
  return BY_ACTION[event.action] ?? null;
}

export const isWebhookEventType = (type: string): type is WebhookEventType => (WEBHOOK_EVENTS as readonly string[]).includes(type);
