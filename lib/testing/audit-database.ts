// A database of its own per audit-chain test (tampering must not break the other tests' chain), events
// written through audit(), and the edits an attacker with database access would make.
import pg from "pg";
import { inject } from "vitest";
import type { Db } from "@/lib/db/client";
import { testMeta } from "./factories";
export { rewriteAuditChain as rewriteChain } from "./rewrite-audit-chain";
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
