import type { MailSettings } from "@/lib/mail/transport";
import { SendTestEmailButton } from "./send-test-email-button";

/** Admin → Settings → Email notifications: whether email is on (server and sender, never credentials) and a test email. */
export function MailSettingsSection({ settings, canSendTest, email }: { settings: MailSettings; canSendTest: boolean; email: string }) {
  return (
    <section aria-labelledby="notifications-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="notifications-heading" className="text-base font-semibold text-slate-900">
        Email notifications
      </h2>
      {settings.enabled ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">Email</dt>
          <dd className="text-slate-900">On</dd>
          <dt className="text-slate-600">SMTP server</dt>
          <dd className="break-all text-slate-900">
            {settings.host}:{settings.port}
            {settings.secure ? " (TLS)" : ""}
          </dd>
          <dt className="text-slate-600">From</dt>
          <dd className="break-all text-slate-900">{settings.from}</dd>
        </dl>
      ) : (
        <p className="text-sm text-slate-700">
          Email is off. To send expiry reminders and other notices, set <code className="rounded bg-slate-100 px-1">KEYHOLD_SMTP_URL</code> (e.g.{" "}
          <code className="rounded bg-slate-100 px-1">smtp://user:pass@mail.example.com:587</code>) and{" "}
          <code className="rounded bg-slate-100 px-1">KEYHOLD_MAIL_FROM</code>, then restart Keyhold.
        </p>
      )}
      {canSendTest ? <SendTestEmailButton email={email} disabled={!settings.enabled} /> : null}
    </section>
  );
}
