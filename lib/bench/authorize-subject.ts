import type pg from "pg";

// bench:api's POST /api/v1/authorize: the token asked about has 5 custom scopes and its account 20 resource
// grants (issue 11's benchmark), and the question exercises every check (address, scopes, a grant implied by a
// higher role). The answer is "ok", so no denial is aggregated.

const SCOPES = ["deploy:write", "deploy:read", "registry:pull", "registry:push", "metrics:read"];

/** Gives the token's account its scopes and grants; returns the form body that asks about it. */
export async function seedAuthorizeSubject(db: pg.Client, tokenValue: string, accountName: string): Promise<string> {
  await db.query(`UPDATE "ApiToken" SET "fullAccess" = false, scopes = $2 WHERE "serviceAccountId" = (SELECT id FROM "ServiceAccount" WHERE name = $1)`, [accountName, SCOPES]);
  await db.query(`INSERT INTO "Scope" (name, "updatedAt") SELECT unnest($1::text[]), now() ON CONFLICT DO NOTHING`, [SCOPES]);
  const grants: [type: string, resource: string, role: string][] = [
    ...Array.from({ length: 15 }, (_, i) => ["application", `app-${String(i + 1).padStart(2, "0")}`, ["viewer", "developer", "owner"][i % 3]!] as [string, string, string]),
    ...Array.from({ length: 5 }, (_, i) => ["environment-type", `env-${i + 1}`, "deployer"] as [string, string, string]),
  ];
  for (const [type, resource, role] of grants) {
    await db.query(
      `WITH r AS (INSERT INTO "Resource" ("typeId", name, "updatedAt") SELECT id, $2, now() FROM "ResourceType" WHERE name = $1 RETURNING id)
       INSERT INTO "ResourceGrant" ("serviceAccountId", "resourceId", role) SELECT (SELECT id FROM "ServiceAccount" WHERE name = $4), r.id, $3 FROM r`,
      [type, resource, role, accountName],
    );
  }
  // app-14 is granted "developer" (14th: index 13, 13 % 3 = 1): it satisfies "viewer".
  return new URLSearchParams({
    token: tokenValue,
    scope: "deploy:write registry:pull",
    "resource[type]": "application",
    "resource[identifier]": "app-14",
    "resource[privilege]": "viewer",
    client_ip: "203.0.113.7",
  }).toString();
}
