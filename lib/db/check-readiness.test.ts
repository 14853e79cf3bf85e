import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createDatabase, createTestDatabase } from "@/lib/testing/test-database";
import { probeReadiness } from "./check-readiness";
import { readMigrations } from "./migrate";

const pools: pg.Pool[] = [];
const poolFor = (connectionString: string) => {
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 1_000 });
  pool.on("error", () => {});
  pools.push(pool);
  return pool;
};
afterEach(async () => void (await Promise.all(pools.splice(0).map((pool) => pool.end()))));

describe("readiness (GET /api/health/ready)", () => {
  it("is ready when every migration on disk is applied", async () => {
    expect(await probeReadiness(poolFor(inject("databaseUrl")), 2_000)).toEqual({ ready: true });
  });

  it("is not ready while a migration is pending, or before any was applied", async () => {
    const names = (await readMigrations()).map((m) => m.name);
    const url = await createTestDatabase(inject("clusterUrl"), "keyhold_ready");
    const pool = poolFor(url);
    await pool.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [names.at(-1)]);
    expect(await probeReadiness(pool, 2_000)).toEqual({ ready: false, reason: "migrations_pending", pending: [names.at(-1)] });
    const empty = await createDatabase(inject("clusterUrl"), "keyhold_ready_empty");
    expect(await probeReadiness(poolFor(empty), 2_000)).toEqual({ ready: false, reason: "migrations_pending", pending: names });
  });

  it("is not ready when the database cannot be reached", async () => {
    const unreachable = new URL(inject("databaseUrl"));
    unreachable.port = "1"; // nothing listens there
    expect(await probeReadiness(poolFor(unreachable.toString()), 2_000)).toEqual({ ready: false, reason: "database_unreachable" });
  });
});
