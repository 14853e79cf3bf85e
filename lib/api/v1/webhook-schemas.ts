import { z } from "zod";
import { TEST_EVENT, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createWebhookSchema } from "@/lib/webhooks/schemas";

// Request and response shapes of /api/v1/webhooks (webhook-routes.ts); field rules come from lib/webhooks.

export const createWebhookBody = z.strictObject({
  url: createWebhookSchema.shape.url.describe("Where events are POSTed: http:// or https://, resolving to a public address (unless the server allows private ones)"),
  events: createWebhookSchema.shape.events.describe(`The event types to send: ${WEBHOOK_EVENTS.join(", ")}`),
  description: createWebhookSchema.shape.description.optional(),
});

export const webhookResponse = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().describe("Why it was disabled: by an administrator, a 410 answer, or five days of failures"),
  disabledAt: z.iso.datetime().nullable(),
  previousSecretUntil: z.iso.datetime().nullable().describe("After a secret rotation: until when the previous secret also signs"),
  createdAt: z.iso.datetime(),
});

export const createdWebhookResponse = z.object({
  webhook: webhookResponse,
  secret: z.string().describe("The signing secret (whsec_…), shown only in this answer: verify webhook-signature with it"),
});

export const testEventResponse = z.object({ id: z.uuid(), type: z.literal(TEST_EVENT).describe("A webhook.test event was queued for this endpoint") });
