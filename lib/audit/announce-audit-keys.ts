import { db } from "@/lib/db/client";
import { auditKeyring } from "./audit-keys";

/**
 * At start: the checkpoint signing key's fingerprint (auditors compare it with the one they recorded), and a
 * warning when the newest keyed event was chained with a key this instance lacks: another instance was set up
 * with a different KEYHOLD_AUDIT_KEY, or the key was lost. Verification would report those events as breaks.
 */
export async function announceAuditKeys(say: (line: string) => void): Promise<void> {
  const { current, verifying, signer } = auditKeyring();
  say(`audit chain key ${current.id}; checkpoints are signed by this Ed25519 key (fingerprint ${signer.fingerprint}):`);
  console.log(signer.publicKeyPem.trim());
  const newest = await db.auditEvent.findFirst({ where: { keyId: { not: null } }, orderBy: { id: "desc" }, select: { id: true, keyId: true } });
  if (newest?.keyId && !verifying.has(newest.keyId)) {
    say(
      `WARNING: audit event ${newest.id} was chained with key ${newest.keyId}, which is not configured here. Every instance needs the same ` +
        "KEYHOLD_AUDIT_KEY; after a rotation, keep the old key in KEYHOLD_AUDIT_PREVIOUS_KEYS.",
    );
  }
}
