/** True for Prisma's unique-constraint violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

// Prisma: can't reach / timed out / closed (P10xx), pool timeout (P2024), transaction could not start or ran
// out of time (P2028, the "Unable to start a transaction in the given time" of an overloaded pool).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// The driver adapter's kinds for a lost or unreachable server.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);
// Node's socket errors, and PostgreSQL's SQLSTATEs for "not now": connection exceptions (08…), too many
// connections, shutting down / starting up, statement or idle-in-transaction timeout (our own bounds).
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
const SQLSTATE = /^(08...|53300|57P01|57P02|57P03|57014|25P03)$/;
// node-postgres's own messages when a connection or a query gives up.
const PG_MESSAGES = /^(Query read timeout|timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Connection terminated unexpectedly|Connection terminated due to connection timeout)/;

type Shape = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; name?: unknown };

/**
 * Whether an error means "the database is unreachable, overloaded or too slow right now" rather than a bug:
 * such requests answer 503 `unavailable` with Retry-After (API), "temporarily unavailable" (console). Looks
 * through Prisma's wrappers (cause, meta.driverAdapterError) to the driver's error.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as Shape;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && PG_MESSAGES.test(e.message)) return true;
  if (e.kind === "postgres" && typeof (e as { originalCode?: unknown }).originalCode === "string") {
    return SQLSTATE.test((e as { originalCode: string }).originalCode);
  }
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1);
}

/** Seconds a client should wait before retrying after a 503 `unavailable`. */
export const RETRY_AFTER_SECONDS = 5;
