import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { CheckpointFile } from "../../lib/audit/checkpoints/checkpoint-statement";
import { call, type ApiClient } from "../client/api";
import { context, examples } from "../context";
import { CliError, EXIT } from "../output/exit-codes";
import type { AuditEvent } from "./audit";

// What a client can prove over the API: the checkpoint's signature (the same check as npm run audit:verify), that
// Keyhold still signs with that key, and that its log still holds the checkpoint's event with the signed hash. The
// whole chain's HMACs need the audit key: that is `npm run audit:verify` on the server.

export function registerAuditVerify(audit: Command) {
  audit
    .command("verify")
    .description("Check a signed checkpoint file against the server's audit log")
    .requiredOption("--checkpoint <file>", "a checkpoint downloaded from the Audit Log page")
    .addHelpText("after", examples("keyhold audit verify --checkpoint checkpoint-4711.json"))
    .action(async (_o, command: Command) => {
      const { options, api } = context<{ checkpoint: string }>(command);
      // Loaded here: the checkpoint code brings zod and node:crypto, which other commands do not need.
      const { checkpointFileSchema, checkpointSignatureValid } = await import("../../lib/audit/checkpoints/checkpoint-statement");
      const checkpoint = readCheckpoint(options.checkpoint, checkpointFileSchema);
      const client = api();
      if (!checkpointSignatureValid(checkpoint)) throw new CliError(`BROKEN: the checkpoint's signature is not valid for its public key`, EXIT.error);
      const key = await call(client.GET("/api/v1/audit-checkpoints/public-key"));
      const ours = key.keyId === checkpoint.keyId;
      process.stdout.write(`signature: valid, key ${checkpoint.keyId}${ours ? " (this Keyhold's signing key)" : " (NOT this Keyhold's current signing key: compare it with the fingerprint you recorded)"}\n`);
      const event = await eventAt(client, checkpoint.eventId);
      if (!event || event.id !== checkpoint.eventId) throw new CliError(`CANNOT VERIFY: event ${checkpoint.eventId} is no longer in the log (a retention purge?)`, EXIT.notFound);
      if (event.hash !== checkpoint.hash) throw new CliError(`BROKEN: event ${checkpoint.eventId}'s hash is ${event.hash}, the checkpoint signed ${checkpoint.hash}`, EXIT.error);
      process.stdout.write(`OK: the log still holds event ${checkpoint.eventId} with the signed hash (checkpoint of ${checkpoint.count} events, ${checkpoint.time})\n`);
    });
}

/** The event with this id (the export's first event after id − 1), reading no further. */
async function eventAt(client: ApiClient, id: string): Promise<AuditEvent | null> {
  const before = (BigInt(id) - 1n).toString();
  const stream = await call(client.GET("/api/v1/audit-events/export", { params: { query: { after: before === "0" ? undefined : before } }, parseAs: "stream" }));
  const reader = stream!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (!text.includes("\n")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel();
  }
  const line = text.split("\n", 1)[0];
  return line ? (JSON.parse(line) as AuditEvent) : null;
}

function readCheckpoint(file: string, schema: { parse: (value: unknown) => CheckpointFile }): CheckpointFile {
  try {
    return schema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    const issue = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    const why = issue ? `${issue.path.join(".")}: ${issue.message}` : (error as Error).message;
    throw new CliError(`${file} is not a Keyhold checkpoint file (${why})`, EXIT.usage);
  }
}
