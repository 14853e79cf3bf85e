import { createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { z } from "zod";
import { publicKeyFingerprint, type CheckpointSigner } from "../audit-keys";
import { canonicalJson } from "../chain";

// A checkpoint says: "the audit chain held `count` events ending at event `eventId`, whose hash was `hash`,
// at `time`". The Ed25519 signature covers the canonical JSON of exactly those four fields.

export type CheckpointStatement = { eventId: string; hash: string; count: number; time: string };

/** The bytes that are signed: keys sorted, no spaces, UTF-8. */
export const statementBytes = ({ eventId, hash, count, time }: CheckpointStatement) => Buffer.from(canonicalJson({ eventId, hash, count, time }), "utf8");

export function signStatement(statement: CheckpointStatement, signer: CheckpointSigner): string {
  return sign(null, statementBytes(statement), signer.privateKey).toString("base64");
}

export function signedBy(statement: CheckpointStatement, signature: string, publicKey: KeyObject): boolean {
  return verify(null, statementBytes(statement), publicKey, Buffer.from(signature, "base64"));
}

/** What an auditor downloads and keeps: the statement, its signature and the key that made it. */
export const checkpointFileSchema = z.object({
  eventId: z.string().regex(/^\d{1,19}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  count: z.number().int().min(1),
  time: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{64}$/).describe("SHA-256 fingerprint of the public key"),
  signature: z.string().describe("Ed25519 over the canonical JSON of { count, eventId, hash, time }, base64"),
  publicKey: z.string().describe("The signing public key, PEM (SPKI)"),
});
export type CheckpointFile = z.infer<typeof checkpointFileSchema>;

/** Whether the signature is the file's public key's, over the file's statement, and keyId names that key. */
export function checkpointSignatureValid(file: CheckpointFile): boolean {
  try {
    const publicKey = createPublicKey(file.publicKey);
    if (publicKey.asymmetricKeyType !== "ed25519" || publicKeyFingerprint(publicKey) !== file.keyId) return false;
    return signedBy(file, file.signature, publicKey);
  } catch {
    return false;
  }
}
