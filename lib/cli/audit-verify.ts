// npm run audit:verify: walks the audit chain of DATABASE_URL (or the embedded database) and reports OK with
// the count, or the first event whose content or link does not match. Exit code 1 on a break.
// npm run audit:verify -- --checkpoint <file>: also proves the log still holds that signed checkpoint (a file
// downloaded from the Audit Log page and kept outside Keyhold). Exit code 1 if it does not, 3 if a retention
// purge has deleted its event (nothing can be proven either way).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { auditKeyring } from "../audit/audit-keys";
import { checkpointFileSchema, type CheckpointFile } from "../audit/checkpoints/checkpoint-statement";
import { verifyAgainstCheckpoint } from "../audit/checkpoints/verify-against-checkpoint";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { loadLocalEnv, prepareDatabase, validatedEnv } from "./runtime";

const { values } = parseArgs({ options: { checkpoint: { type: "string" } } });
const checkpoint = values.checkpoint ? readCheckpoint(values.checkpoint) : null;

loadLocalEnv({ generateSecret: true });
const cluster = await prepareDatabase();
const client = new pg.Client({ connectionString: validatedEnv().DATABASE_URL });
await client.connect();
try {
  const started = Date.now();
  const onProgress = (n: number) => process.stderr.write(`\rchecked ${n} events…`);
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (checkpoint) {
    const ours = checkpoint.keyId === auditKeyring().signer.fingerprint;
    console.log(`checkpoint: event ${checkpoint.eventId}, ${checkpoint.count} events, signed ${checkpoint.time} by key ${checkpoint.keyId}${ours ? " (this Keyhold's signing key)" : " (NOT this Keyhold's current signing key: compare it with the fingerprint you recorded)"}`);
    const verdict = await verifyAgainstCheckpoint(client, checkpoint, { onProgress });
    process.stderr.write("\n");
    if (verdict.status === "holds") console.log(`OK: the log still contains the checkpoint's event with its hash, and all ${verdict.count} events chain intact (${elapsed()})`);
    else console.log(`${verdict.status === "unprovable" ? "CANNOT VERIFY" : "BROKEN"}: ${verdict.message}`);
    process.exitCode = verdict.status === "holds" ? 0 : verdict.status === "unprovable" ? 3 : 1;
  } else {
    const result = await verifyAuditChain(client, { onProgress });
    process.stderr.write("\n");
    if (result.ok) console.log(`OK: ${result.count} events, chain intact (${elapsed()})`);
    else {
      console.log(`BROKEN after ${result.count} good events: ${result.firstBreak.message}`);
      process.exitCode = 1;
    }
  }
} finally {
  await client.end();
  await cluster?.stop();
}

function readCheckpoint(file: string): CheckpointFile {
  try {
    return checkpointFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    console.error(`${file} is not a Keyhold checkpoint file: ${(error as Error).message}`);
    process.exit(2);
  }
}
