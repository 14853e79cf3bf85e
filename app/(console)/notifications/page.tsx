import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/guard";
import { mailEnabled } from "@/lib/mail/transport";
import { receivableKinds } from "@/lib/notifications/preferences";
import { findNotificationPreferences } from "@/lib/notifications/set-notification-preference";

export const metadata: Metadata = { title: "Notifications" };

/** The signed-in person's email notices: a switch per kind they can receive. */
export default async function NotificationsPage() {
  const actor = await requirePageActor("notifications.manage_own");
  const chosen = await findNotificationPreferences(actor.id);
  const kinds = receivableKinds(actor.role).map((kind) => ({ ...kind, enabled: chosen[kind.kind] ?? true }));
  return (
    <div className="space-y-6">
      <PageHeader title="Notifications" description={`Emails Keyhold sends to ${actor.email} about the service accounts you own.`} />
      {mailEnabled() ? null : (
        <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
          Email is off on this Keyhold: nothing is sent until an administrator sets an SMTP server. Your choices are kept.
        </p>
      )}
      <NotificationPreferencesForm kinds={kinds} />
    </div>
  );
}
