import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { readableServiceAccounts } from "@/lib/service-accounts/access";
import { tokenStatus, type TokenStatus } from "@/lib/tokens/token-status";

// The Usage section of an account's page: requests per day per token (TokenUsage, written by the API's
// once-a-minute flush, lib/api/token-usage.ts) and the client addresses its tokens were last used from.
export const USAGE_DAYS = 90;
export const SHOWN_ADDRESSES = 10;
const DAY_MS = 86_400_000;

export type UsageToken = { id: string; name: string; hint: string; status: TokenStatus };
/** One UTC day, oldest first: requests per token id. */
export type UsageDay = { day: string; requests: Record<string, number> };
export type ClientAddress = { ip: string; firstSeenAt: string; lastSeenAt: string; requests: number };
export type AccountUsage = { tokens: UsageToken[]; days: UsageDay[]; addresses: ClientAddress[] };

const dayKey = (date: Date) => date.toISOString().slice(0, 10);

/** The last USAGE_DAYS days (today included) of the account's tokens; empty if the actor may not read the account. */
export async function findAccountUsage(actor: Actor, serviceAccountId: string, now = new Date()): Promise<AccountUsage> {
  const today = new Date(`${dayKey(now)}T00:00:00Z`);
  const first = new Date(today.getTime() - (USAGE_DAYS - 1) * DAY_MS);
  const account = { id: serviceAccountId, AND: [readableServiceAccounts(actor)] };
  const [usage, tokens, addresses] = await Promise.all([
    db.tokenUsage.findMany({ where: { day: { gte: first }, token: { serviceAccount: account } }, select: { tokenId: true, day: true, requests: true } }),
    db.apiToken.findMany({
      where: { serviceAccount: account },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, hint: true, expiresAt: true, revokedAt: true },
    }),
    db.tokenClientAddress.groupBy({
      by: ["ip"],
      where: { token: { serviceAccount: account } },
      _min: { firstSeenAt: true },
      _max: { lastSeenAt: true },
      _sum: { requests: true },
      orderBy: { _max: { lastSeenAt: "desc" } },
      take: SHOWN_ADDRESSES,
    }),
  ]);
  const used = new Set(usage.map((row) => row.tokenId));
  const byDay = new Map<string, Record<string, number>>();
  for (const row of usage) {
    const requests = byDay.get(dayKey(row.day)) ?? {};
    requests[row.tokenId] = (requests[row.tokenId] ?? 0) + row.requests;
    byDay.set(dayKey(row.day), requests);
  }
  return {
    // Tokens that were used in the period, or still work: a revoked, unused token has nothing to chart.
    tokens: tokens
      .map((token) => ({ id: token.id, name: token.name, hint: token.hint, status: tokenStatus(token, now.getTime()) }))
      .filter((token) => used.has(token.id) || token.status === "active" || token.status === "expiring"),
    days: Array.from({ length: USAGE_DAYS }, (_, i) => {
      const day = dayKey(new Date(first.getTime() + i * DAY_MS));
      return { day, requests: byDay.get(day) ?? {} };
    }),
    addresses: addresses.map((row) => ({
      ip: row.ip,
      firstSeenAt: row._min.firstSeenAt!.toISOString(),
      lastSeenAt: row._max.lastSeenAt!.toISOString(),
      requests: row._sum.requests ?? 0,
    })),
  };
}
