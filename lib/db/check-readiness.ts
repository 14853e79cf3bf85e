import type pg from "pg";
import { env } from "@/lib/config/env";
import { isDatabaseUnavailable } from "./errors";
import { readMigrations } from "./migrate";
import { pgPool } from "./pool";

export type Readiness = { ready: true } | { ready: false; reason: "database_unreachable" | "migrations_pending"; pending?: string[] };

/** A probe waits at most this long for the database (load balancers' own probe timeouts are often 2–5 s). */
const PROBE_TIMEOUT_MS = 2_000;
const CACHE_MS = 1_000;

let cached: { at: number; value: Promise<Readiness> } | undefined;

/**
 * Whether this instance can serve: the database answers within the probe timeout and every migration on disk
 * is applied (an instance started with newer code than the database's schema is not ready). The answer is
 * reused for a second, so a probe flood costs one query a second.
 */
export function checkReadiness(now = Date.now()): Promise<Readiness> {
  if (!cached || now - cached.at >= CACHE_MS) cached = { at: now, value: probeReadiness(pgPool(), Math.min(PROBE_TIMEOUT_MS, env().KEYHOLD_DB_TIMEOUT_MS)) };
  return cached.value;
}

/** One probe of `pool`'s database against the migrations in `dir`, waiting at most `timeout` ms. */
export async function probeReadiness(pool: pg.Pool, timeout: number, dir?: string): Promise<Readiness> {
  const onDisk = readMigrations(dir).then((migrations) => migrations.map((m) => m.name));
  let timer: NodeJS.Timeout | undefined;
  try {
    const applied = await Promise.race([
      appliedMigrations(pool),
      new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error("Query read timeout")), timeout))),
    ]);
    const pending = (await onDisk).filter((name) => !applied.has(name));
    return pending.length ? { ready: false, reason: "migrations_pending", pending } : { ready: true };
  } catch (error) {
    // No migrations table at all is "pending" too; anything else means we cannot reach a working database.
    if ((error as { code?: string }).code === "42P01") return { ready: false, reason: "migrations_pending", pending: await onDisk };
    if (isDatabaseUnavailable(error)) return { ready: false, reason: "database_unreachable" };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function appliedMigrations(pool: pg.Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(rows.map((row) => row.migration_name));
}
