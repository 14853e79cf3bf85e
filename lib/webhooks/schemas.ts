import { z } from "zod";
import { multiLineText, singleLineText } from "@/lib/validation/text";
import { WEBHOOK_EVENTS } from "./events";

// What Admin → Webhooks and /api/v1/webhooks accept. The URL's form is checked here (browser and server); where
// it points (the SSRF guard, ./webhook-target.ts) only on the server, as a field error on `url`.

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
  } catch {
    return false;
  }
};

export const webhookUrlSchema = singleLineText()
  .trim()
  .min(1, "URL is required")
  .max(2000, "URL must be at most 2000 characters")
  .refine(isHttpUrl, "Enter a full http:// or https:// URL, without a user name or password");

export const webhookEventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS, { error: "Unknown event type" }))
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENTS.length)
  .transform((events) => WEBHOOK_EVENTS.filter((event) => events.includes(event)));

export const webhookDescriptionSchema = multiLineText().trim().max(500, "Description must be at most 500 characters");

export const createWebhookSchema = z.object({ url: webhookUrlSchema, events: webhookEventsSchema, description: webhookDescriptionSchema.default("") });
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ id: z.uuid() });
export const setWebhookEnabledSchema = z.object({ id: z.uuid(), enabled: z.boolean() });
export const redeliverSchema = z.object({ deliveryId: z.uuid() });
