import { db } from "@/lib/db/client";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import type { TokenPolicy } from "./token-policy-schema";

export type TokenOutsidePolicy = {
  id: string;
  name: string;
  hint: string;
  createdAt: Date;
  expiresAt: Date | null;
  account: { id: string; name: string; role: ServiceAccountRole };
  reason: "no_expiry" | "too_long";
};

const LIMIT = 200;

/**
 * Live tokens the policy would not allow today (made before it, or before it was tightened): without an expiry
 * where one is required, or living longer than their role's maximum. Listed on the policy page with links to
 * rotate or revoke them; the policy does not end them by itself.
 */
export async function findTokensOutsidePolicy(policy: TokenPolicy, now = new Date()): Promise<{ tokens: TokenOutsidePolicy[]; total: number }> {
  const limits = JSON.stringify(Object.fromEntries(Object.entries(policy.maxLifetimeDays).filter(([, days]) => days !== null)));
  // Newest first: the tokens made most recently are the likeliest to be in use and the first to fix.
  const rows = await db.$queryRaw<
    { id: string; name: string; hint: string; createdAt: Date; expiresAt: Date | null; accountId: string; accountName: string; role: ServiceAccountRole; total: bigint }[]
  >`
    SELECT t.id, t.name, t.hint, t."createdAt", t."expiresAt", a.id AS "accountId", a.name AS "accountName", a.role, count(*) OVER () AS total
    FROM "ApiToken" t
    JOIN "ServiceAccount" a ON a.id = t."serviceAccountId"
    LEFT JOIN jsonb_each_text(${limits}::jsonb) AS l(role, days) ON l.role = a.role::text
    WHERE t."revokedAt" IS NULL
      AND (t."expiresAt" IS NULL OR t."expiresAt" > ${now})
      AND ((${policy.requireExpiry} AND t."expiresAt" IS NULL)
        OR (l.days IS NOT NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > t."createdAt" + l.days::int * interval '1 day' + interval '1 minute')))
    ORDER BY t."createdAt" DESC, t.id
    LIMIT ${LIMIT}`;
  const tokens = rows.map((row) => ({
    id: row.id,
    name: row.name,
    hint: row.hint,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    account: { id: row.accountId, name: row.accountName, role: row.role },
    reason: row.expiresAt === null ? ("no_expiry" as const) : ("too_long" as const),
  }));
  return { tokens, total: Number(rows[0]?.total ?? 0) };
}
