import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createDatabase, createTestDatabase } from "../testing/test-database";
import { schemaSnapshot } from "../testing/schema-snapshot";
import { migrate, MigrationError } from "./migrate";
import { diffSchemas } from "./schema-diff";

const clusterUrl = inject("clusterUrl");
const schemaPath = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

async function exec(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migrationsDir(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "keyhold-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    await mkdir(path.join(dir, name));
    await writeFile(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrations", () => {
  it("produce the same database as schema.prisma", async () => {
    const migrated = await createTestDatabase(clusterUrl, "keyhold_migrated");
    const fromSchema = await createDatabase(clusterUrl, "keyhold_from_schema");
    await exec(fromSchema, await diffSchemas(null, schemaPath, clusterUrl));
    const [a, b] = await Promise.all([schemaSnapshot(migrated), schemaSnapshot(fromSchema)]);
    expect(a.columns.length).toBeGreaterThan(0);
    // Indexes schema.prisma cannot express, added by hand: trigram search (audit_search) and case-insensitive
    // account names (audit_keys_checkpoints_name_ci).
    const RAW_SQL_INDEXES = ["AuditEvent_actorName_trgm", "AuditEvent_targetName_trgm", "AuditEvent_search_trgm", "ServiceAccount_name_lower_key"];
    expect(a.indexes.filter((i) => RAW_SQL_INDEXES.includes(i.indexname)).map((i) => i.indexname).sort()).toEqual([...RAW_SQL_INDEXES].sort());
    a.indexes = a.indexes.filter((i) => !RAW_SQL_INDEXES.includes(i.indexname));
    expect(a).toEqual(b);
  });

  it("apply each file once and record it in Prisma's table", async () => {
    const db = await createDatabase(clusterUrl, "keyhold_mig");
    const dir = await migrationsDir({ "1_a": "CREATE TABLE a (id int);", "2_b": "CREATE TABLE b (id int);" });
    expect((await migrate(db, undefined, dir)).applied).toEqual(["1_a", "2_b"]);
    expect((await migrate(db, undefined, dir)).applied).toEqual([]);
    const { rows } = await exec(db, `SELECT migration_name, finished_at IS NOT NULL AS done FROM "_prisma_migrations" ORDER BY 1`);
    expect(rows).toEqual([{ migration_name: "1_a", done: true }, { migration_name: "2_b", done: true }]);
  });

  it("race safely when two instances start together", async () => {
    const db = await createDatabase(clusterUrl, "keyhold_mig");
    const dir = await migrationsDir({ "1_a": "CREATE TABLE a (id int); SELECT pg_sleep(0.3);" });
    const results = await Promise.all([migrate(db, undefined, dir), migrate(db, undefined, dir)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 1]);
  });

  it("refuse an applied migration whose file was edited", async () => {
    const db = await createDatabase(clusterUrl, "keyhold_mig");
    const dir = await migrationsDir({ "1_a": "CREATE TABLE a (id int);" });
    await migrate(db, undefined, dir);
    await writeFile(path.join(dir, "1_a", "migration.sql"), "CREATE TABLE a (id bigint);");
    await expect(migrate(db, undefined, dir)).rejects.toThrow(/1_a was edited after it was applied/);
  });

  it("roll back a failing migration whole", async () => {
    const db = await createDatabase(clusterUrl, "keyhold_mig");
    const dir = await migrationsDir({ "1_a": "CREATE TABLE a (id int); SELECT * FROM missing_table;" });
    await expect(migrate(db, undefined, dir)).rejects.toBeInstanceOf(MigrationError);
    const { rows } = await exec(db, `SELECT to_regclass('public.a') AS a, (SELECT count(*)::int FROM "_prisma_migrations") AS n`);
    expect(rows[0]).toEqual({ a: null, n: 0 });
  });
});
