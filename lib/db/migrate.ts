import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

// Any constant works; it only has to be the same for every Keyhold instance sharing a database.
const MIGRATION_LOCK_KEY = 7_404_215_001;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {}

/** The migrations on disk, oldest first, in Prisma's layout: `<timestamp>_<name>/migration.sql`. */
export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * Applies pending migrations, each in its own transaction, recording them in Prisma's `_prisma_migrations`
 * table so `prisma migrate deploy` on a normal machine agrees. An advisory lock serialises instances that
 * start together; an applied migration whose file has since changed stops everything.
 */
export async function migrate(databaseUrl: string, log: (line: string) => void = () => {}, dir = migrationsDir) {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    const applying: string[] = [];
    for (const migration of migrations) {
      const record = applied.get(migration.name);
      if (record && !record.finished_at) {
        throw new MigrationError(`Migration ${migration.name} started earlier but never finished; resolve it by hand.`);
      }
      if (record && record.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was edited after it was applied (checksum differs). ` +
            "Restore the file and put the change in a new migration (npm run db:migration -- <name>).",
        );
      }
      if (!record) applying.push(migration.name);
    }
    for (const migration of migrations.filter((m) => applying.includes(m.name))) {
      await applyOne(client, migration);
      log(`applied migration ${migration.name}`);
    }
    return { applied: applying };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: Migration) {
  try {
    await client.query("BEGIN");
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
       VALUES ($1, $2, now(), $3, 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
  }
}
