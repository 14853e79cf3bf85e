import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { eventIds, freshAuditDatabase, rewriteChain, writeEvents } from "@/lib/testing/audit-database";
import { testMeta } from "@/lib/testing/factories";
import { auditKeyring } from "../audit-keys";
import { verifyAuditChain } from "../verify-audit-chain";
import { checkpointSignatureValid, type CheckpointFile } from "./checkpoint-statement";
import { CHECKPOINT_EVERY_EVENTS } from "./create-checkpoint";
import { checkpointFile } from "./find-checkpoints";
import { checkpointIfStale } from "./schedule-checkpoints";
import { verifyAgainstCheckpoint } from "./verify-against-checkpoint";

/** The latest checkpoint as the Audit Log page's download gives it. */
async function downloadLatest(prisma: Db): Promise<CheckpointFile> {
  const row = await prisma.auditCheckpoint.findFirst({ orderBy: { eventId: "desc" } });
  return checkpointFile(row!, auditKeyring().signer)!;
}

/** npm run audit:verify -- --checkpoint <file>, on the test's database. */
function auditVerifyCli(url: string, file: CheckpointFile) {
  const dir = mkdtempSync(path.join(tmpdir(), "keyhold-checkpoint-"));
  writeFileSync(path.join(dir, "checkpoint.json"), JSON.stringify(file));
  const cli = path.resolve("node_modules/tsx/dist/cli.mjs");
  const run = spawnSync(process.execPath, [cli, "lib/cli/audit-verify.ts", "--checkpoint", path.join(dir, "checkpoint.json")], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe("signed audit checkpoints", () => {
  it(`are signed in the writing transaction once ${CHECKPOINT_EVERY_EVENTS} events have passed`, async () => {
    const { client, prisma, close } = await freshAuditDatabase();
    await writeEvents(prisma, CHECKPOINT_EVERY_EVENTS - 1);
    expect(await prisma.auditCheckpoint.count()).toBe(0);
    await writeEvents(prisma, 1);
    const rows = await prisma.auditCheckpoint.findMany();
    const [last] = (await client.query(`SELECT id, hash FROM "AuditEvent" ORDER BY id DESC LIMIT 1`)).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ eventId: BigInt(last.id), hash: last.hash, count: BigInt(CHECKPOINT_EVERY_EVENTS), keyId: auditKeyring().signer.fingerprint });
    await writeEvents(prisma, 5);
    expect(await prisma.auditCheckpoint.count()).toBe(1);
    await close();
  });

  it("carry an Ed25519 signature the public key verifies, and that fails when any field is changed", async () => {
    const { prisma, close } = await freshAuditDatabase();
    await writeEvents(prisma, 3);
    await checkpointIfStale({ client: prisma });
    const file = await downloadLatest(prisma);
    expect(file).toMatchObject({ count: 3, publicKey: expect.stringContaining("BEGIN PUBLIC KEY") });
    expect(checkpointSignatureValid(file)).toBe(true);
    const changed: Partial<CheckpointFile>[] = [{ eventId: "2" }, { hash: "0".repeat(64) }, { count: 4 }, { time: new Date(0).toISOString() }, { keyId: "f".repeat(64) }, { signature: Buffer.alloc(64).toString("base64") }];
    for (const change of changed) expect(checkpointSignatureValid({ ...file, ...change }), JSON.stringify(change)).toBe(false);
    await close();
  });

  it("are signed by the timer at most every 10 minutes, once for several instances, and only over new events", async () => {
    const { prisma, close } = await freshAuditDatabase();
    expect(await checkpointIfStale({ client: prisma })).toBeNull();
    await writeEvents(prisma, 2);
    const results = await Promise.all([1, 2, 3].map(() => checkpointIfStale({ client: prisma })));
    expect(results.filter(Boolean)).toHaveLength(1);
    await writeEvents(prisma, 1);
    expect(await checkpointIfStale({ client: prisma })).toBeNull();
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await checkpointIfStale({ client: prisma, now: later })).toMatchObject({ count: 3n });
    expect(await checkpointIfStale({ client: prisma, now: later })).toBeNull();
    await close();
  });

  it("prove a rewrite that plain verification cannot see: audit:verify --checkpoint fails on a checkpoint kept from before", async () => {
    const { url, client, prisma, close } = await freshAuditDatabase();
    await writeEvents(prisma, 4);
    await checkpointIfStale({ client: prisma });
    const kept = await downloadLatest(prisma);
    await writeEvents(prisma, 2);
    expect(await verifyAgainstCheckpoint(client, kept)).toEqual({ status: "holds", count: 6 });
    const ok = auditVerifyCli(url, kept);
    expect(ok.output).toContain("OK: the log still contains the checkpoint's event with its hash, and all 6 events chain intact");
    expect(ok.status).toBe(0);

    // Every event rewritten with plain SHA-256 and no key id: it reads as a log from before keys existed.
    const ids = await eventIds(client);
    await rewriteChain(client, ids[1]!, { keyId: null });
    await rewriteChain(client, ids[0]!, { keyId: null, targetName: "User 0" });
    expect(await verifyAuditChain(client)).toEqual({ ok: true, count: 6 });
    expect(await verifyAgainstCheckpoint(client, kept)).toMatchObject({ status: "broken", message: expect.stringContaining(`the checkpoint signed ${kept.hash}: the log was rewritten at or before event ${kept.eventId}`) });
    const broken = auditVerifyCli(url, kept);
    expect(broken.output).toContain(`BROKEN: Event ${kept.eventId} now has hash`);
    expect(broken.status).toBe(1);
    // A forged file (the hash changed to match the rewrite) fails on its signature.
    const { rows } = await client.query(`SELECT hash FROM "AuditEvent" WHERE id = $1`, [kept.eventId]);
    expect(await verifyAgainstCheckpoint(client, { ...kept, hash: rows[0].hash })).toMatchObject({ status: "bad_signature" });
    await close();
  });

  it("are checked by Verify integrity too: a rewrite that left them in place, or an edited checkpoint, is named", async () => {
    const { client, prisma, close } = await freshAuditDatabase();
    await writeEvents(prisma, 3);
    const checkpoint = await checkpointIfStale({ client: prisma });
    await writeEvents(prisma, 1);
    const ids = await eventIds(client);
    await rewriteChain(client, ids[0]!, { keyId: null, targetName: "User 0", dropCheckpoints: false });
    expect(await verifyAuditChain(client)).toMatchObject({
      ok: false,
      count: 2,
      firstBreak: { id: String(checkpoint!.eventId), reason: "checkpoint", message: `Event ${checkpoint!.eventId} no longer has the hash its signed checkpoint recorded: the log was rewritten at or before event ${checkpoint!.eventId}.` },
    });
    // The checkpoint edited to match the rewrite: its signature gives it away.
    await client.query(`BEGIN; ALTER TABLE "AuditCheckpoint" DISABLE TRIGGER "AuditCheckpoint_append_only";
      UPDATE "AuditCheckpoint" c SET hash = e.hash FROM "AuditEvent" e WHERE e.id = c."eventId"; ALTER TABLE "AuditCheckpoint" ENABLE TRIGGER "AuditCheckpoint_append_only"; COMMIT;`);
    expect(await verifyAuditChain(client)).toMatchObject({ ok: false, firstBreak: { reason: "checkpoint", message: expect.stringContaining("does not match its signature") } });
    await close();
  });

  it("say a checkpoint whose event a retention purge deleted cannot be checked, rather than calling it tampered", async () => {
    const { client, prisma, close } = await freshAuditDatabase();
    const { purgeAuditEvents } = await import("../purge-audit-events");
    await writeEvents(prisma, 3);
    await checkpointIfStale({ client: prisma });
    const kept = await downloadLatest(prisma);
    await new Promise((r) => setTimeout(r, 20));
    const cutoff = new Date();
    await writeEvents(prisma, 1);
    await purgeAuditEvents(0, { type: "SYSTEM", name: "retention" }, testMeta(), { now: cutoff, client: prisma });
    expect(await verifyAgainstCheckpoint(client, kept)).toMatchObject({ status: "unprovable", message: expect.stringContaining(`Event ${kept.eventId} was deleted by the retention purge`) });
    // Checkpoints outlive the purge (append-only, like events); the next one counts what the log now holds.
    expect(await prisma.auditCheckpoint.count()).toBe(1);
    expect(await checkpointIfStale({ client: prisma, maxAgeMs: 0 })).toMatchObject({ count: 2n });
    await writeEvents(prisma, 2);
    expect(await checkpointIfStale({ client: prisma, maxAgeMs: 0 })).toMatchObject({ count: 4n });
    await close();
  });
});
