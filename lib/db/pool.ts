import pg from "pg";
import { env } from "@/lib/config/env";
import { boundedPoolConfig } from "./pool-options";

const globalForPool = globalThis as unknown as { keyholdPool?: pg.Pool };

/** A plain node-postgres pool, for libraries that bring their own SQL (the rate limiter's store). */
export function pgPool(): pg.Pool {
  if (!globalForPool.keyholdPool) {
    const pool = new pg.Pool(boundedPoolConfig(env().DATABASE_URL, 5, env().KEYHOLD_DB_TIMEOUT_MS));
    // An idle connection the server dropped (restart, failover) is discarded by the pool; without a listener
    // its error would end the process.
    pool.on("error", () => {});
    globalForPool.keyholdPool = pool;
  }
  return globalForPool.keyholdPool;
}
