// What each notice's email says, in plain text and HTML (escaped): the account, the Token ID and hint, the
// expiry, who revoked it or how long is left, and where to rotate it. Never a token value: Keyhold has none.
import type { NoticeKind } from "@/lib/notifications/notify";
import { escapeHtml, utc } from "./html";

export type NoticeFacts = {
  kind: NoticeKind;
  /** The notice's data (days, by, url, …), written by whoever wrote the notice. */
  data: Record<string, unknown>;
  recipient: { name: string };
  token: { name: string; hint: string; expiresAt: Date | null; revokedAt: Date | null } | null;
  account: { id: string; name: string } | null;
  publicUrl: string;
  now: Date;
};

export type NoticeEmail = { subject: string; text: string; html: string };

const HOUR_MS = 60 * 60 * 1000;
const text = (value: unknown) => (typeof value === "string" ? value : undefined);
const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function timeLeft(expiresAt: Date | null, now: Date): string {
  if (!expiresAt) return "soon";
  const hours = (expiresAt.getTime() - now.getTime()) / HOUR_MS;
  return hours < 24 ? "within a day" : `in ${plural(Math.round(hours / 24), "day")}`;
}

type Wording = { subject: string; lead: string; action: string };

/** The subject and the opening sentence per kind (`it`: how the token is named in a sentence). */
function wording({ kind, data, token, now }: NoticeFacts, it: string): Wording {
  const rotate = "Rotate it to get a new value, and update whatever uses it.";
  switch (kind) {
    case "token.expiring": {
      const left = timeLeft(token?.expiresAt ?? null, now);
      return { subject: `${it} expires ${left}`, lead: `${it} expires ${left}${token?.expiresAt ? `, at ${utc(token.expiresAt)}` : ""}.`, action: "Rotate it before then so that nothing using it breaks." };
    }
    case "token.expired":
      return { subject: `${it} has expired`, lead: `${it} expired${token?.expiresAt ? ` at ${utc(token.expiresAt)}` : ""}. Requests made with it are refused.`, action: rotate };
    case "token.revoked": {
      const by = text(data.by) ?? "someone else";
      return { subject: `${it} was revoked by ${by}`, lead: `${by} revoked ${it.toLowerCase()}${token?.revokedAt ? ` at ${utc(token.revokedAt)}` : ""}. Requests made with it are refused.`, action: rotate };
    }
    case "token.leaked": {
      const where = text(data.url);
      return { subject: `${it} was reported leaked and revoked`, lead: `${it} was reported as leaked${where ? ` (found at ${where})` : ""} and Keyhold revoked it at once.`, action: rotate };
    }
    case "token.suspension_warning": {
      const days = count(data.days) ?? 7;
      return { subject: `${it} will be suspended in ${plural(days, "day")}`, lead: `${it} has not been used for a long time: the token policy suspends it in ${plural(days, "day")}.`, action: "Use it, or rotate or revoke it if it is no longer needed." };
    }
    case "token.suspended":
      return { subject: `${it} was suspended`, lead: `${it} was suspended by the token policy because it was not used. Requests made with it are refused.`, action: "Resume it on the account's page if it is still needed." };
    case "webhook.disabled": {
      const url = text(data.url) ?? "A webhook endpoint";
      return { subject: "A webhook endpoint was disabled", lead: `${url} was disabled${text(data.reason) ? `: ${text(data.reason)}` : ""}.`, action: "Fix the endpoint, then enable it again under Admin → Webhooks." };
    }
    case "test":
      return { subject: "Keyhold test email", lead: `This is a test email${text(data.by) ? `, sent by ${text(data.by)}` : ""} from Admin → Settings → Email notifications.`, action: "Email from Keyhold works." };
  }
}

/** The link the email points to: the account's page (to rotate), the webhooks page, or Keyhold itself. */
function linkOf({ kind, account, publicUrl }: NoticeFacts): { href: string; label: string } {
  const base = publicUrl.replace(/\/+$/, "");
  if (account) return { href: `${base}/admin/api-tokens/${account.id}`, label: kind === "token.suspended" ? "Open the account" : "Rotate the token" };
  if (kind === "webhook.disabled") return { href: `${base}/admin/webhooks`, label: "Open webhooks" };
  return { href: base, label: "Open Keyhold" };
}

export function composeNoticeEmail(facts: NoticeFacts): NoticeEmail {
  const { token, account } = facts;
  const it = token && account ? `Token "${token.name}" of ${account.name}` : "Your token";
  const { subject, lead, action } = wording(facts, it);
  const details: [string, string][] = [];
  if (account) details.push(["Service account", account.name]);
  if (token) {
    details.push(["Token ID", token.name], ["Hint", token.hint], ["Expires", token.expiresAt ? utc(token.expiresAt) : "never"]);
    if (token.revokedAt) details.push(["Revoked", utc(token.revokedAt)]);
  }
  const link = linkOf(facts);
  const greeting = `Hello ${facts.recipient.name},`;
  const footer = "You receive this because of your notification settings in Keyhold (Notifications page).";
  const textBody = [greeting, "", lead, "", ...details.map(([k, v]) => `${k}: ${v}`), ...(details.length ? [""] : []), action, `${link.label}: ${link.href}`, "", "-- ", footer, ""].join("\n");
  const rows = details.map(([k, v]) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("");
  const html = [
    `<!doctype html><html><body style="font-family:sans-serif;color:#0f172a">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    rows ? `<table>${rows}</table>` : "",
    `<p>${escapeHtml(action)}</p>`,
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
    `<p style="color:#475569;font-size:12px">${escapeHtml(footer)}</p>`,
    `</body></html>`,
  ].join("");
  return { subject: `[Keyhold] ${subject}`, text: textBody, html };
}
