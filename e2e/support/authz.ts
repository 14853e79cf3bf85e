// Fine-grained access seeded straight into the e2e database (issue 11): a token's scopes and allowed ranges,
// custom scopes, resources and grants. Each change bumps the token epoch (database triggers); the app answers
// from it within ~120 ms, so `settle()` after changing a token that was already used.
import { db, randomSuffix } from "./db";

export const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

/** Restricts a token to `scopes` (null: full access of its role) and `allowedIps` (normalised CIDRs; empty: anywhere). */
export async function setTokenAccess(tokenId: string, { scopes, allowedIps }: { scopes?: string[] | null; allowedIps?: string[] }): Promise<void> {
  if (scopes !== undefined) await db().query(`UPDATE "ApiToken" SET "fullAccess" = $2, scopes = $3 WHERE id = $1`, [tokenId, scopes === null, scopes ?? []]);
  if (allowedIps !== undefined) await db().query(`UPDATE "ApiToken" SET "allowedIps" = $2 WHERE id = $1`, [tokenId, allowedIps]);
}

/** A custom scope (Admin → Scopes) with a name unique to this run, e.g. deploy-1a2b3c:write. */
export async function createCustomScope(prefix = "deploy"): Promise<string> {
  const name = `${prefix}-${randomSuffix()}:write`;
  await db().query(`INSERT INTO "Scope" (name, description, "updatedAt") VALUES ($1, 'e2e', now())`, [name]);
  return name;
}

/** A resource of a seeded type (application: viewer, developer, owner), granted to the account with `role`. */
export async function grantResource(accountId: string, type: string, role: string, prefix = "checkout"): Promise<string> {
  const name = `${prefix}-${randomSuffix()}`;
  const { rows } = await db().query<{ id: string }>(
    `INSERT INTO "Resource" ("typeId", name, "updatedAt") SELECT id, $2, now() FROM "ResourceType" WHERE name = $1 RETURNING id`,
    [type, name],
  );
  await db().query(`INSERT INTO "ResourceGrant" ("serviceAccountId", "resourceId", role) VALUES ($1, $2, $3)`, [accountId, rows[0]!.id, role]);
  return name;
}
