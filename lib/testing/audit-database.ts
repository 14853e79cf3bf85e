// A database of its own per audit-chain test (tampering must not break the other tests' chain), events
// written through audit(), and the edits an attacker with database access would make.
import pg from "pg";
import { inject } from "vitest";
import { eventHash, GENESIS_HASH, type ChainedFields } from "@/lib/audit/chain";
import type { Db } from "@/lib/db/client";
import { testMeta } from "./factories";
import { createTestDatabase } from "./test-database";

export async function freshAuditDatabase() {
  const url = await createTestDatabase(inject("clusterUrl"), "keyhold_chain");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { PrismaClient } = await import("@/lib/db/generated/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return { url, client, prisma, close: async () => (await client.end(), await prisma.$disconnect()) };
}

export async function writeEvents(prisma: Db, n: number) {
  const { audit } = await import("@/lib/audit/audit");
  for (let i = 0; i < n; i++) {
    await prisma.$transaction((tx) => audit(tx, testMeta(), { action: "user.created", actor: { type: "SYSTEM", name: "test" }, target: { type: "user", id: `u${i}`, name: `User ${i}` }, metadata: { i, nested: { b: 1, a: [1, "x"] } } }));
  }
}

/** Runs SQL with the append-only trigger switched off, as a DBA (or a restored, edited backup) could. */
export const tamper = (client: pg.Client, sql: string) =>
  client.query(`BEGIN; ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"; ${sql}; ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"; COMMIT;`);

export const eventIds = async (client: pg.Client) => (await client.query<{ id: string }>(`SELECT id::text FROM "AuditEvent" ORDER BY "AuditEvent".id`)).rows.map((r) => r.id);

const sqlText = (value: string | null) => (value === null ? "NULL" : pg.escapeLiteral(value));

type Row = ChainedFields & { id: string; hash: string; keyId: string | null };

/**
 * The attack: edit event `fromId` (its targetName), then recompute its hash and every later one with
 * the public formula (plain SHA-256), so each link matches again. `keyId`: what the rewriter writes into the
 * rewritten rows (null: pass them off as events from before keys; "keep": leave it), `key`: their own key.
 */
export async function rewriteChain(client: pg.Client, fromId: string, { keyId = null, key = null, targetName = "Mallory" }: { keyId?: string | null | "keep"; key?: Buffer | null; targetName?: string } = {}) {
  const { rows } = await client.query<Row>(`SELECT * FROM "AuditEvent" WHERE id >= $1::bigint ORDER BY "AuditEvent".id`, [fromId]);
  const [before] = (await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" WHERE id < $1::bigint ORDER BY id DESC LIMIT 1`, [fromId])).rows;
  let prevHash = before?.hash ?? GENESIS_HASH;
  const updates: string[] = [];
  for (const row of rows) {
    const edited = row.id === fromId ? { ...row, targetName } : row;
    const hash = eventHash(prevHash, edited, key);
    const newKeyId = keyId === "keep" ? row.keyId : keyId;
    updates.push(
      `UPDATE "AuditEvent" SET "targetName" = ${sqlText(edited.targetName)}, "prevHash" = '${prevHash}', hash = '${hash}', "keyId" = ${sqlText(newKeyId)} WHERE id = ${row.id}`,
    );
    prevHash = hash;
  }
  // Hashes are unique: park the old ones first so no update collides with a row not yet rewritten.
  await tamper(client, [`UPDATE "AuditEvent" SET hash = md5(hash) || md5(id::text) WHERE id >= ${fromId}`, ...updates].join("; "));
}
