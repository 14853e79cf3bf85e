import { db } from "@/lib/db/client";
import { logError } from "@/lib/log";

// Usage is counted in memory and written at most once a minute per token, so a steady stream of requests
// costs no database write per request. A crash loses at most a minute of counts. The distinct client addresses
// seen since the last write go with it (TokenClientAddress), pruned to the most recent few per token.
const FLUSH_EVERY_MS = 60_000;
/** Distinct addresses kept in memory per token between writes; more in one minute are not recorded. */
export const MAX_PENDING_ADDRESSES = 50;
/** Addresses kept per token in the database: the most recently seen. */
export const KEPT_ADDRESSES_PER_TOKEN = 20;

type Seen = { firstAt: number; lastAt: number; requests: number };
type Pending = { serviceAccountId: string; requests: number; lastUsedAt: number; lastUsedIp: string | null; flushedAt: number; addresses: Map<string, Seen> };
const globalForUsage = globalThis as unknown as { keyholdUsage?: Map<string, Pending>; keyholdUsageTimer?: NodeJS.Timeout };
const pending = (globalForUsage.keyholdUsage ??= new Map());

/** Counts one request. Returns the write it started, if it started one (not awaited by requests). */
export function recordTokenUse(tokenId: string, serviceAccountId: string, ip: string | null, now = Date.now()): Promise<void> | undefined {
  const entry = pending.get(tokenId) ?? { serviceAccountId, requests: 0, lastUsedAt: now, lastUsedIp: ip, flushedAt: 0, addresses: new Map() };
  entry.requests += 1;
  entry.lastUsedAt = now;
  entry.lastUsedIp = ip;
  if (ip) countAddress(entry.addresses, ip, now);
  pending.set(tokenId, entry);
  globalForUsage.keyholdUsageTimer ??= setInterval(() => void flushTokenUsage(), FLUSH_EVERY_MS).unref();
  // The first use of a token (or the first in a minute) is written at once, so "last used" is fresh.
  if (now - entry.flushedAt >= FLUSH_EVERY_MS) return flushToken(tokenId, entry);
  return undefined;
}

/** Writes every token's pending counts (the timer calls this; tests and shutdown may too). */
export async function flushTokenUsage(): Promise<void> {
  await Promise.all([...pending].filter(([, e]) => e.requests > 0).map(([id, e]) => flushToken(id, e)));
}

function countAddress(addresses: Map<string, Seen>, ip: string, now: number) {
  const seen = addresses.get(ip);
  if (seen) {
    seen.lastAt = now;
    seen.requests += 1;
  } else if (addresses.size < MAX_PENDING_ADDRESSES) {
    addresses.set(ip, { firstAt: now, lastAt: now, requests: 1 });
  }
}

async function flushToken(tokenId: string, entry: Pending): Promise<void> {
  const { requests, lastUsedIp, addresses } = entry;
  const lastUsedAt = new Date(entry.lastUsedAt);
  entry.requests = 0;
  entry.addresses = new Map();
  entry.flushedAt = Date.now();
  const day = new Date(lastUsedAt.toISOString().slice(0, 10));
  try {
    // No transaction: these are statistics, and locking the account before the token (as regeneration
    // does) keeps a flush from deadlocking with a regeneration.
    await db.serviceAccount.updateMany({ where: { id: entry.serviceAccountId }, data: { lastUsedAt } });
    await db.apiToken.updateMany({ where: { id: tokenId }, data: { lastUsedAt, lastUsedIp } });
    await db.$executeRaw`INSERT INTO "TokenUsage" ("tokenId", "day", "requests") SELECT ${tokenId}::uuid, ${day}::date, ${requests}
        WHERE EXISTS (SELECT 1 FROM "ApiToken" WHERE id = ${tokenId}::uuid)
        ON CONFLICT ("tokenId", "day") DO UPDATE SET "requests" = "TokenUsage"."requests" + EXCLUDED."requests"`;
    if (addresses.size > 0) await writeAddresses(tokenId, addresses);
  } catch (error) {
    // The token was deleted between the check and the insert (foreign key violation): its counts go with it,
    // rather than being retried, and logged, every minute for as long as the process runs.
    if (/\b23503\b/.test(String(error))) {
      pending.delete(tokenId);
      return;
    }
    entry.requests += requests;
    for (const [ip, seen] of addresses) if (!entry.addresses.has(ip)) entry.addresses.set(ip, seen);
    logError("token usage flush failed", error, { tokenId });
  }
}

/** One upsert for all the addresses a token was used from since its last write, then the prune. */
async function writeAddresses(tokenId: string, addresses: Map<string, Seen>): Promise<void> {
  const rows = [...addresses];
  const ips = rows.map(([ip]) => ip.slice(0, 45));
  const firsts = rows.map(([, seen]) => new Date(seen.firstAt).toISOString());
  const lasts = rows.map(([, seen]) => new Date(seen.lastAt).toISOString());
  const counts = rows.map(([, seen]) => seen.requests);
  await db.$executeRaw`INSERT INTO "TokenClientAddress" ("tokenId", "ip", "firstSeenAt", "lastSeenAt", "requests")
      SELECT ${tokenId}::uuid, a.ip, a.first, a.last, a.requests
      FROM unnest(${ips}::text[], ${firsts}::timestamptz[], ${lasts}::timestamptz[], ${counts}::int[]) AS a(ip, first, last, requests)
      WHERE EXISTS (SELECT 1 FROM "ApiToken" WHERE id = ${tokenId}::uuid)
      ON CONFLICT ("tokenId", "ip") DO UPDATE SET
        "firstSeenAt" = LEAST("TokenClientAddress"."firstSeenAt", EXCLUDED."firstSeenAt"),
        "lastSeenAt" = GREATEST("TokenClientAddress"."lastSeenAt", EXCLUDED."lastSeenAt"),
        "requests" = "TokenClientAddress"."requests" + EXCLUDED."requests"`;
  await db.$executeRaw`DELETE FROM "TokenClientAddress" WHERE "tokenId" = ${tokenId}::uuid AND ip IN (
      SELECT ip FROM "TokenClientAddress" WHERE "tokenId" = ${tokenId}::uuid ORDER BY "lastSeenAt" DESC, ip OFFSET ${KEPT_ADDRESSES_PER_TOKEN})`;
}
