import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuditCheckpoint } from "@/lib/db/generated/client";
import { cursorParamsSchema, decodeCursor, toPage } from "@/lib/lists/cursor";
import { int64Id } from "@/lib/validation/ids";
import type { CheckpointSigner } from "../audit-keys";
import type { CheckpointFile } from "./checkpoint-statement";

/** A checkpoint as the API lists it: the signed statement, its signature and the signing key's fingerprint. */
export function checkpointJson(row: AuditCheckpoint) {
  return { eventId: row.eventId.toString(), hash: row.hash, count: Number(row.count), time: row.signedAt.toISOString(), keyId: row.keyId, signature: row.signature };
}

/** The list's sort key: the checkpoint's event id. */
const cursorKey = z.tuple([int64Id()]);

/** Newest first, keyset on eventId. */
export async function listCheckpoints(query: z.output<typeof cursorParamsSchema>) {
  const cursor = decodeCursor(query.cursor, cursorKey);
  const rows = await db.auditCheckpoint.findMany({
    where: cursor ? { eventId: { lt: BigInt(cursor[0]) } } : {},
    orderBy: { eventId: "desc" },
    take: query.limit + 1,
  });
  return toPage(rows, query.limit, checkpointJson, (row) => [row.eventId.toString()]);
}

export const latestCheckpoint = () => db.auditCheckpoint.findFirst({ orderBy: { eventId: "desc" } });

/**
 * The file an auditor keeps: the checkpoint with the public key that verifies it. Null when the checkpoint
 * was signed by a key this server no longer holds (the signing key changed since; the next one will do).
 */
export function checkpointFile(row: AuditCheckpoint, signer: CheckpointSigner): CheckpointFile | null {
  return row.keyId === signer.fingerprint ? { ...checkpointJson(row), publicKey: signer.publicKeyPem } : null;
}

/** GET /api/v1/audit-checkpoints/public-key: public, so anyone holding a checkpoint can check it. */
export const publicKeyJson = (signer: CheckpointSigner) => ({ algorithm: "Ed25519" as const, keyId: signer.fingerprint, publicKey: signer.publicKeyPem });
