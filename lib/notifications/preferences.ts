// Which kinds of email notice a person may turn off, and whether a notice is sent given what they chose.
// Pure rules here; the preferences are stored in NotificationPreference (no row: on).
import { hasPermission, type AnyRole } from "@/lib/auth/permissions";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import type { NoticeKind } from "./notify";

/** The kinds on the Notifications page, in its order, with what each means. */
export const PREFERENCE_KINDS = [
  { kind: "token.expiring", label: "Expiry reminders", description: "30, 7 and 1 days before a token of an account you own expires." },
  { kind: "token.expired", label: "Expired tokens", description: "When a token of an account you own has expired." },
  { kind: "token.revoked", label: "Revoked by someone else", description: "When someone other than you revokes a token of an account you own." },
  { kind: "token.leaked", label: "Reported leaked", description: "When a token of an account you own is reported leaked (and revoked at once)." },
  { kind: "token.suspension_warning", label: "Suspension warnings", description: "7 days before the token policy suspends an unused token of yours." },
  { kind: "token.suspended", label: "Suspended tokens", description: "When the token policy suspends an unused token of yours." },
  { kind: "webhook.disabled", label: "Disabled webhook endpoints", description: "When a webhook endpoint you created is disabled after failing." },
] as const satisfies readonly { kind: NoticeKind; label: string; description: string }[];

export type PreferenceKind = (typeof PREFERENCE_KINDS)[number]["kind"];
export const PREFERENCE_KIND_NAMES = PREFERENCE_KINDS.map(({ kind }) => kind) as [PreferenceKind, ...PreferenceKind[]];

/** The kinds a person of `role` can receive: webhook notices go to their creators, who are ADMINs or OWNERs. */
export const receivableKinds = (role: AnyRole) =>
  PREFERENCE_KINDS.filter(({ kind }) => kind !== "webhook.disabled" || hasPermission(role, "service_accounts.manage_all"));

/** Expiry reminders for ADMIN-role accounts' tokens are sent whatever the owner chose: such a token breaking breaks much. */
export const reminderAlwaysSent = (kind: NoticeKind, accountRole: ServiceAccountRole | null) => kind === "token.expiring" && accountRole === "ADMIN";

/**
 * Why a notice is not emailed, or null to send it. `turnedOff`: the recipient turned this kind off; the test
 * email is always sent (the admin asked for it).
 */
export function skipReason(facts: { emailOn: boolean; recipientActive: boolean; kind: NoticeKind; turnedOff: boolean; accountRole: ServiceAccountRole | null }): string | null {
  if (!facts.emailOn) return "Email is off (KEYHOLD_SMTP_URL is not set)";
  if (!facts.recipientActive) return "The recipient is disabled";
  if (facts.turnedOff && facts.kind !== "test" && !reminderAlwaysSent(facts.kind, facts.accountRole)) return "The recipient turned this kind of notice off";
  return null;
}
