import { createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { decodeKey, env, type Env } from "@/lib/config/env";

// The keys that make the audit trail more than a checksum. They live in the environment, never in the
// database: someone who can rewrite the database cannot recompute a keyed hash or forge a checkpoint.

type AuditKeyConfig = Pick<Env, "KEYHOLD_AUDIT_KEY" | "KEYHOLD_AUDIT_PREVIOUS_KEYS" | "KEYHOLD_AUDIT_SIGNING_KEY">;

export type CheckpointSigner = { privateKey: KeyObject; publicKey: KeyObject; publicKeyPem: string; fingerprint: string };
export type AuditKeyring = {
  /** What new events are chained with. */
  current: { id: string; key: Buffer };
  /** Every key verification accepts, by id: the current one and KEYHOLD_AUDIT_PREVIOUS_KEYS. */
  verifying: ReadonlyMap<string, Buffer>;
  signer: CheckpointSigner;
};

/** A key's id, stored with each event: derived from the key, so there is nothing else to configure. */
export const auditKeyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 16);

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): a fixed prefix, then the 32 bytes.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** The public key's fingerprint: SHA-256 of its 32 raw bytes, hex. Stored as each checkpoint's keyId. */
export function publicKeyFingerprint(publicKey: KeyObject): string {
  const spki = publicKey.export({ format: "der", type: "spki" });
  return createHash("sha256").update(spki.subarray(spki.length - 32)).digest("hex");
}

export function checkpointSigner(seed: Buffer): CheckpointSigner {
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: "der", type: "pkcs8" });
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(), fingerprint: publicKeyFingerprint(publicKey) };
}

/** Builds the keyring from validated configuration (lib/config/env.ts checked every value's encoding). */
export function buildAuditKeyring(config: AuditKeyConfig): AuditKeyring {
  const current = decodeKey(config.KEYHOLD_AUDIT_KEY)!;
  const verifying = new Map([...config.KEYHOLD_AUDIT_PREVIOUS_KEYS, config.KEYHOLD_AUDIT_KEY].map((value) => {
    const key = decodeKey(value)!;
    return [auditKeyId(key), key] as const;
  }));
  return { current: { id: auditKeyId(current), key: current }, verifying, signer: checkpointSigner(decodeKey(config.KEYHOLD_AUDIT_SIGNING_KEY)!) };
}

// On globalThis: Next's bundle and the API's modules run in one process and must chain with the same keys.
const holder = globalThis as { keyholdAuditKeyring?: AuditKeyring };

/** The configured keyring, built on first use. */
export function auditKeyring(): AuditKeyring {
  return (holder.keyholdAuditKeyring ??= buildAuditKeyring(env()));
}

/** Replaces the keyring (key rotation tests; the configuration is otherwise read once). */
export function setAuditKeyring(keyring: AuditKeyring | undefined): void {
  holder.keyholdAuditKeyring = keyring;
}
