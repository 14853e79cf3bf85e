import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { ApiToken } from "@/lib/db/generated/client";
import { tokenStatus } from "@/lib/tokens/token-status";
import { toIsoDateTimeOrNull } from "@/lib/validation/dates";
import { readableServiceAccounts } from "./access";
import { isLive, liveTokensInOrder } from "./live-tokens";
import { storedScopes } from "./token-scopes";

/**
 * An account's tokens as the detail page and the API show them: the live ones first in their order (the primary
 * token first), then the rest newest first. Null when the actor may not see the account. `archivedScopes`: the
 * custom scopes among them that have been archived (flagged in the console).
 */
export async function findAccountTokens(actor: Actor, serviceAccountId: string) {
  const account = await db.serviceAccount.findFirst({ where: { AND: [{ id: serviceAccountId }, readableServiceAccounts(actor)] }, select: { id: true } });
  if (!account) return null;
  const tokens = await db.apiToken.findMany({ where: { serviceAccountId }, orderBy: { createdAt: "desc" } });
  const custom = [...new Set(tokens.flatMap((token) => token.scopes))];
  const archived = custom.length ? await db.scope.findMany({ where: { name: { in: custom }, archivedAt: { not: null } }, select: { name: true } }) : [];
  return { archivedScopes: archived.map((scope) => scope.name), tokens: tokenViews(tokens) };
}

/**
 * The tokens of several accounts (the API's list with include=tokens), each account's as findAccountTokens orders
 * them. The caller has already limited `serviceAccountIds` to accounts the actor may see.
 */
export async function findTokensOfAccounts(serviceAccountIds: string[]): Promise<Map<string, AccountToken[]>> {
  const tokens = serviceAccountIds.length ? await db.apiToken.findMany({ where: { serviceAccountId: { in: serviceAccountIds } }, orderBy: { createdAt: "desc" } }) : [];
  const byAccount = new Map<string, ApiToken[]>(serviceAccountIds.map((id) => [id, []]));
  for (const token of tokens) byAccount.get(token.serviceAccountId)!.push(token);
  return new Map([...byAccount].map(([id, list]) => [id, tokenViews(list)]));
}

/** One account's tokens (newest first in), live ones first in their order (the primary first), then the rest. */
function tokenViews(tokens: ApiToken[], now = new Date()) {
  const live = liveTokensInOrder(tokens, now);
  const ordered = [...live, ...tokens.filter((token) => !isLive(token, now))];
  return ordered.map((token) => ({
    id: token.id,
    name: token.name,
    description: token.description,
    publicId: token.publicId,
    hint: token.hint,
    scopes: storedScopes(token),
    allowedIps: token.allowedIps,
    status: tokenStatus(token, now.getTime()),
    primary: token.id === live[0]?.id,
    current: token.replacedById === null,
    createdAt: token.createdAt.toISOString(),
    expiresAt: toIsoDateTimeOrNull(token.expiresAt),
    lastUsedAt: toIsoDateTimeOrNull(token.lastUsedAt),
    lastUsedIp: token.lastUsedIp,
    revokedAt: toIsoDateTimeOrNull(token.revokedAt),
    suspendedAt: toIsoDateTimeOrNull(token.suspendedAt),
    leakReport: leakReportOf(token),
  }));
}

/** "Reported leaked at … from …": where the reporter found it, else who they said they were, else their address. */
function leakReportOf(token: { leakReportedAt: Date | null; leakReportUrl: string | null; leakReportSource: string | null; leakReporterIp: string | null }) {
  if (!token.leakReportedAt) return null;
  return { at: token.leakReportedAt.toISOString(), from: token.leakReportUrl ?? token.leakReportSource ?? token.leakReporterIp ?? "an unknown address" };
}

export type AccountToken = ReturnType<typeof tokenViews>[number];
