import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/config/env";
import { PrismaClient } from "./generated/client";
import { boundedPoolConfig } from "./pool-options";

export type { Prisma } from "./generated/client";
export type Db = PrismaClient;
/** The client handed to a `db.$transaction(async (tx) => …)` callback. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { keyholdDb?: PrismaClient; keyholdMaintenanceDb?: PrismaClient };

/** A client whose every wait on the database is bounded by `timeoutMs` (lib/db/pool-options.ts). */
export function createBoundedClient(url: string, timeoutMs: number, max = 20) {
  return new PrismaClient({
    adapter: new PrismaPg(boundedPoolConfig(url, max, timeoutMs)),
    // Waiting for a transaction's connection and running it share the same bound (lib/db/errors.ts turns
    // their expiry, P2028, into 503).
    transactionOptions: { maxWait: timeoutMs, timeout: timeoutMs },
  });
}

const createClient = () => createBoundedClient(env().DATABASE_URL, env().KEYHOLD_DB_TIMEOUT_MS);

/**
 * A small client for maintenance that may legitimately run long (the audit retention purge deletes a large prefix
 * in one statement): two connections, bounded at two minutes instead of KEYHOLD_DB_TIMEOUT_MS.
 */
export function maintenanceDb(): PrismaClient {
  globalForDb.keyholdMaintenanceDb ??= createBoundedClient(env().DATABASE_URL, 120_000, 2);
  return globalForDb.keyholdMaintenanceDb;
}

/** The shared Prisma client, created on first use. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForDb.keyholdDb ??= createClient();
    const value = Reflect.get(globalForDb.keyholdDb, property);
    return typeof value === "function" ? value.bind(globalForDb.keyholdDb) : value;
  },
});
