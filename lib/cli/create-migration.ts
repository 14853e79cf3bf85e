// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/ from the change to schema.prisma.
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres, temporaryClusterDir } from "../db/embedded";
import { migrationsDir } from "../db/migrate";
import { diffSchemas } from "../db/schema-diff";

const SNAPSHOT = "schema.prisma"; // each migration folder keeps the schema it brings the database to

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const schemaPath = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");
const previous = (await readdir(migrationsDir).catch(() => [])).filter((d) => existsSync(path.join(migrationsDir, d, SNAPSHOT))).sort().at(-1);
const cluster = await startEmbeddedPostgres(temporaryClusterDir("migration"));
try {
  const sql = await diffSchemas(previous ? path.join(migrationsDir, previous, SNAPSHOT) : null, schemaPath, cluster.url());
  if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
    console.log("schema.prisma has no change since the last migration: nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    await copyFile(schemaPath, path.join(dir, SNAPSHOT));
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then commit it.`);
  }
} finally {
  await cluster.stop();
}
