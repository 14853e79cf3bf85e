import pg from "pg";
import { env } from "@/lib/config/env";

const globalForPool = globalThis as unknown as { keyholdPool?: pg.Pool };

/** A plain node-postgres pool, for libraries that bring their own SQL (the rate limiter's store). */
export function pgPool(): pg.Pool {
  globalForPool.keyholdPool ??= new pg.Pool({ connectionString: env().DATABASE_URL, max: 5 });
  return globalForPool.keyholdPool;
}
