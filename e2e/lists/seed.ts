// Accounts with real-looking, long data for the list specs: long names, long owner emails, long descriptions.
import { db, randomSuffix, createUser, type SeededUser } from "../support/db";
import { createServiceAccountWithToken, type SaRole, type SeededToken } from "../support/tokens";
import { issueToken } from "../../lib/tokens/token-format";

const DAY = 86_400_000;

/** An owner whose name and email are as long as people's get. */
export function longOwner(role: "CONTRIBUTOR" | "VIEWER" | "ADMIN" = "CONTRIBUTOR"): Promise<SeededUser> {
  const suffix = randomSuffix();
  return createUser({
    role,
    name: `Maximiliane Alexandra Featherstonehaugh-Worthington ${suffix}`,
    email: `maximiliane.alexandra.featherstonehaugh-worthington.${suffix}@subsidiary.example-corporation.test`,
  });
}

/** An account with a 64-character name, a long description, a token used a few minutes ago and expiring in `days`. */
export async function longAccount(owner: SeededUser, { role = "VIEWER", days = 5 }: { role?: SaRole; days?: number } = {}): Promise<SeededToken> {
  const seeded = await createServiceAccountWithToken(role, { owner, expiresAt: new Date(Date.now() + days * DAY) });
  const name = `billing-reconciliation-nightly-export-to-the-warehouse-${randomSuffix()}`.slice(0, 64);
  const description = "Exports the day's invoices, credit notes and payouts to the data warehouse every night; owned by the finance platform team. ".repeat(3);
  await db().query(`UPDATE "ServiceAccount" SET name = $2, description = $3, "lastUsedAt" = now() - interval '2 minutes' WHERE id = $1`, [seeded.accountId, name, description.slice(0, 500)]);
  await db().query(`UPDATE "ApiToken" SET "lastUsedAt" = now() - interval '2 minutes' WHERE id = $1`, [seeded.tokenId]);
  return { ...seeded, accountName: name };
}

/** A second live token on the account. */
export async function addSeededToken(accountId: string, name: string): Promise<{ id: string; value: string; hint: string }> {
  const issued = issueToken();
  const { rows } = await db().query<{ id: string }>(
    `INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint, name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [issued.publicId, accountId, issued.secretHash, issued.hint, name],
  );
  return { id: rows[0]!.id, value: issued.value, hint: issued.hint };
}
