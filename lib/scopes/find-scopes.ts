import { BUILT_IN_SCOPE_DESCRIPTIONS, BUILT_IN_SCOPES } from "@/lib/auth/scopes";
import { db } from "@/lib/db/client";
import type { SCOPE_MINIMUM_ROLES } from "./schemas";

export type CustomScopeRow = {
  id: string;
  name: string;
  description: string;
  minimumRole: (typeof SCOPE_MINIMUM_ROLES)[number];
  archived: boolean;
  /** Live (neither revoked nor expired) tokens that carry it. */
  liveTokens: number;
};

/** Every custom scope, by name, with the number of live tokens carrying each. */
export async function findCustomScopes(now = new Date()): Promise<CustomScopeRow[]> {
  const rows = await db.$queryRaw<{ id: string; name: string; description: string; minimumRole: CustomScopeRow["minimumRole"]; archivedAt: Date | null; liveTokens: bigint }[]>`
    SELECT s."id", s."name", s."description", s."minimumRole", s."archivedAt", count(t."id") AS "liveTokens"
    FROM "Scope" s
    LEFT JOIN "ApiToken" t ON s."name" = ANY(t."scopes") AND t."revokedAt" IS NULL AND (t."expiresAt" IS NULL OR t."expiresAt" > ${now})
    GROUP BY s."id"
    ORDER BY s."name"`;
  return rows.map(({ archivedAt, liveTokens, ...row }) => ({ ...row, archived: archivedAt !== null, liveTokens: Number(liveTokens) }));
}

export const builtInScopes = () => BUILT_IN_SCOPES.map((name) => ({ name, description: BUILT_IN_SCOPE_DESCRIPTIONS[name] }));

/** Built-in and custom scopes as the API lists them (GET /api/v1/scopes). */
export async function listScopes() {
  const custom = await findCustomScopes();
  return {
    data: [
      ...builtInScopes().map((scope) => ({ ...scope, builtIn: true, minimumRole: null, archived: false })),
      ...custom.map(({ name, description, minimumRole, archived }) => ({ name, description, builtIn: false, minimumRole, archived })),
    ],
  };
}
