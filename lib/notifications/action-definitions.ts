import { action } from "@/lib/actions/run-action";
import { sendTestEmailSchema, setNotificationPreferenceSchema } from "./schemas";
import { sendTestEmail } from "./send-test-email";
import { setNotificationPreference } from "./set-notification-preference";

export const notificationActions = {
  setPreference: action({ name: "notifications.set_preference", permission: "notifications.manage_own", schema: setNotificationPreferenceSchema, handler: setNotificationPreference }),
  sendTestEmail: action({ name: "notifications.send_test", permission: "notifications.send_test", schema: sendTestEmailSchema, handler: sendTestEmail }),
};
