import type pg from "pg";

/**
 * Bounds for every connection Keyhold opens, so a frozen or overloaded database answers "unavailable" within
 * `timeoutMs` instead of hanging the request: connecting and waiting for a free pooled connection
 * (connectionTimeoutMillis), the client giving up on a reply (query_timeout: a frozen server never answers, so
 * the server-side bounds alone would not do), the server cancelling a slow statement (statement_timeout), and
 * a transaction left idle by a crashed caller not holding its locks (idle_in_transaction_session_timeout).
 * TCP keep-alive notices a vanished server on idle connections.
 */
export function boundedPoolConfig(connectionString: string, max: number, timeoutMs: number): pg.PoolConfig {
  return {
    connectionString,
    max,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    idle_in_transaction_session_timeout: timeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}
