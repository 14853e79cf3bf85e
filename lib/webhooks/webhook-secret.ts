// Endpoint signing secrets: `whsec_` and 24 random bytes in base64 (the Standard Webhooks form), shown once and
// stored only encrypted with AES-256-GCM under a key derived from AUTH_SECRET (HKDF-SHA256), so a database dump
// alone cannot sign events.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/config/env";

const PREFIX = "whsec_";
const VERSION = "v1";

export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(24).toString("base64")}`;
}

let cachedKey: { secret: string; key: Buffer } | undefined;

function encryptionKey(): Buffer {
  const secret = env().AUTH_SECRET;
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(hkdfSync("sha256", secret, "keyhold-webhooks", "webhook signing secrets v1", 32)) };
  }
  return cachedKey.key;
}

/** `v1.<iv>.<tag>.<ciphertext>`, base64url each. */
export function encryptWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export function decryptWebhookSecret(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(".");
  if (version !== VERSION || !iv || !tag || !ciphertext) throw new Error("Unreadable webhook secret");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
