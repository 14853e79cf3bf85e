import { Webhook } from "standardwebhooks";
import { decryptWebhookSecret } from "./webhook-secret";

/** How long the previous secret keeps signing after Rotate secret. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

export type SigningSecrets = { secretEncrypted: string; previousSecretEncrypted: string | null; previousSecretUntil: Date | null };

/**
 * The Standard Webhooks headers for one message. During a rotation's overlap both the new and the previous
 * secret sign: `webhook-signature` then holds both, space-separated (the spec's way), so receivers still on the
 * old secret keep verifying.
 */
export function webhookHeaders(secrets: SigningSecrets, messageId: string, body: string, now = new Date()): Record<string, string> {
  const keys = [secrets.secretEncrypted];
  if (secrets.previousSecretEncrypted && secrets.previousSecretUntil && secrets.previousSecretUntil > now) keys.push(secrets.previousSecretEncrypted);
  const signatures = keys.map((stored) => new Webhook(decryptWebhookSecret(stored)).sign(messageId, now, body));
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
