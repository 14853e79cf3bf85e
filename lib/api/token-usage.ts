import { db } from "@/lib/db/client";
import { logError } from "@/lib/log";

// Usage is counted in memory and written at most once a minute per token, so a steady stream of requests
// costs no database write per request. A crash loses at most a minute of counts.
const FLUSH_EVERY_MS = 60_000;

type Pending = { serviceAccountId: string; requests: number; lastUsedAt: number; lastUsedIp: string | null; flushedAt: number };
const globalForUsage = globalThis as unknown as { keyholdUsage?: Map<string, Pending>; keyholdUsageTimer?: NodeJS.Timeout };
const pending = (globalForUsage.keyholdUsage ??= new Map());

/** Counts one request. Returns the write it started, if it started one (not awaited by requests). */
export function recordTokenUse(tokenId: string, serviceAccountId: string, ip: string | null, now = Date.now()): Promise<void> | undefined {
  const entry = pending.get(tokenId) ?? { serviceAccountId, requests: 0, lastUsedAt: now, lastUsedIp: ip, flushedAt: 0 };
  entry.requests += 1;
  entry.lastUsedAt = now;
  entry.lastUsedIp = ip;
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

async function flushToken(tokenId: string, entry: Pending): Promise<void> {
  const { requests, lastUsedIp } = entry;
  const lastUsedAt = new Date(entry.lastUsedAt);
  entry.requests = 0;
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
  } catch (error) {
    // The token was deleted between the check and the insert (foreign key violation): its counts go with it,
    // rather than being retried, and logged, every minute for as long as the process runs.
    if (/\b23503\b/.test(String(error))) {
      pending.delete(tokenId);
      return;
    }
    entry.requests += requests;
    logError("token usage flush failed", error, { tokenId });
  }
}
