// Every queue's handler, registered once per process before the workers start (./workers.ts). A feature adds
// its line here, `registerJobHandler("<queue>", handler)`, and its queue's policy in ./queues.ts. A queue with
// no handler is not worked: its jobs wait.
import { sendNotification } from "@/lib/mail/send-notification";
import { scanExpiryJob } from "@/lib/notifications/scan-expiry";
import { scanStaleTokens } from "@/lib/stale-tokens/scan-stale-tokens";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { registerJobHandler } from "./registry";

export function registerJobHandlers(): void {
  registerJobHandler("email", sendNotification);
  registerJobHandler("scan-expiry", scanExpiryJob);
  registerJobHandler("scan-stale", async () => void (await scanStaleTokens()));
  registerJobHandler("webhook", deliverWebhook);
}
