import type { ServiceAccountActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { suspendsDisabledOwnersTokens } from "@/lib/policy/suspend-disabled-owners";
import { hashToken, isWellFormedToken } from "@/lib/tokens/token-format";
import type { MaybePromise } from "./maybe-promise";
import { tokenCache } from "./token-cache";

export type AuthenticatedToken = {
  actor: ServiceAccountActor;
  token: { id: string; publicId: string; hint: string; createdAt: Date; expiresAt: Date | null; allowedIps: readonly string[] };
  /** The account's resource grants (Humanitec), as introspection's authorization_details need them. */
  grants: readonly ResourceGrantFacts[];
};

/** typeRoles: the type's roles, least privileged first (a role includes those before it; lib/authz). */
export type ResourceGrantFacts = { type: string; resource: string; role: string; typeRoles: readonly string[] };

/** The token from `Authorization: Bearer kh_…`, or null when the header is absent or not of that form. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

/**
 * Who a token belongs to, or null. Format and checksum first (a malformed token costs no query), then one
 * indexed lookup by SHA-256 (cached while the token epoch has not moved, see token-cache.ts), then status.
 * Revoked, expired, deleted and unknown all answer null alike. The answer comes without a promise when no
 * query is needed (maybe-promise.ts: why the request path cares); authenticateToken always gives a promise.
 */
export function authenticateTokenNow(value: string | null, now = Date.now(), cache = tokenCache()): MaybePromise<AuthenticatedToken | null> {
  if (!value || !isWellFormedToken(value)) return null;
  const secretHash = hashToken(value);
  const { cached, epoch } = cache.get(secretHash, now);
  if (cached) return usable(cached, now) ? cached : null;
  return lookUp(secretHash).then((found) => {
    if (!found) return null;
    if (epoch !== null) cache.set(secretHash, found, epoch);
    return usable(found, now) ? found : null;
  });
}

export async function authenticateToken(value: string | null, now = Date.now(), cache = tokenCache()): Promise<AuthenticatedToken | null> {
  return authenticateTokenNow(value, now, cache);
}

const usable = (found: AuthenticatedToken, now: number) => !found.token.expiresAt || found.token.expiresAt.getTime() > now;

/**
 * The token and its account, or null when unknown, revoked, suspended (stale-token policy), or suspended because its owner is disabled and the
 * OWNER's policy says so (expiry is checked by the caller). Owner status and the policy are announced like any
 * token change, so a cached answer never outlives them.
 */
async function lookUp(secretHash: string): Promise<AuthenticatedToken | null> {
  const [token, suspendDisabled] = await Promise.all([findToken(secretHash), suspendsDisabledOwnersTokens()]);
  if (!token || token.revokedAt || token.suspendedAt) return null;
  const account = token.serviceAccount;
  if (suspendDisabled && account.owner.status !== "ACTIVE") return null;
  return {
    actor: {
      type: "SERVICE_ACCOUNT",
      id: account.id,
      name: account.name,
      role: account.role,
      ownerId: account.ownerId,
      tokenId: token.id,
      scopes: token.fullAccess ? null : token.scopes,
    },
    token: { id: token.id, publicId: token.publicId, hint: token.hint, createdAt: token.createdAt, expiresAt: token.expiresAt, allowedIps: token.allowedIps },
    grants: account.grants.map((grant) => ({ type: grant.resource.type.name, resource: grant.resource.name, role: grant.role, typeRoles: grant.resource.type.roles })),
  };
}

function findToken(secretHash: string) {
  return db.apiToken.findUnique({
    where: { secretHash },
    select: {
      id: true,
      publicId: true,
      hint: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      suspendedAt: true,
      fullAccess: true,
      scopes: true,
      allowedIps: true,
      serviceAccount: {
        select: {
          id: true,
          name: true,
          role: true,
          ownerId: true,
          owner: { select: { status: true } },
          // Archived resources grant nothing.
          grants: {
            where: { resource: { archivedAt: null } },
            select: { role: true, resource: { select: { name: true, type: { select: { name: true, roles: true } } } } },
            orderBy: [{ resource: { type: { name: "asc" } } }, { resource: { name: "asc" } }],
          },
        },
      },
    },
  });
}
