// What each Admin → Webhooks action requires and accepts (the /api/v1/webhooks routes run the same ones).
import { action } from "@/lib/actions/run-action";
import { deleteWebhookEndpoint, rotateWebhookSecret, setWebhookEnabled } from "./change-webhook-endpoint";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { createWebhookSchema, redeliverSchema, setWebhookEnabledSchema, webhookIdSchema } from "./schemas";
import { redeliverWebhook, sendTestEvent } from "./send-test-event";

const permission = "webhooks.manage" as const;

export const webhookActions = {
  create: action({ name: "webhooks.create", permission, schema: createWebhookSchema, handler: createWebhookEndpoint }),
  setEnabled: action({ name: "webhooks.set_enabled", permission, schema: setWebhookEnabledSchema, handler: setWebhookEnabled }),
  rotateSecret: action({ name: "webhooks.rotate_secret", permission, schema: webhookIdSchema, handler: rotateWebhookSecret }),
  delete: action({ name: "webhooks.delete", permission, schema: webhookIdSchema, handler: deleteWebhookEndpoint }),
  sendTest: action({ name: "webhooks.send_test", permission, schema: webhookIdSchema, handler: sendTestEvent }),
  redeliver: action({ name: "webhooks.redeliver", permission, schema: redeliverSchema, handler: redeliverWebhook }),
};
