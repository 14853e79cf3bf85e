// npm run bench:tokens: 10,000 service accounts with 30,000 tokens (three named tokens each), then the server time
// of the API Tokens table's queries (findServiceAccounts, what the page runs, with its live-token summaries): first
// page, a filtered page, a deep page; and of the home page's (lib/home): each attention bucket's count and rows,
// for one owner and organisation-wide, the admin's review lists, and the whole page's loads.
import { BENCH_SECRETS } from "../bench/bench-secrets";
import { rm } from "node:fs/promises";
import pg from "pg";
import { measure, report } from "../bench/stats";
import { startEmbeddedPostgres, temporaryClusterDir } from "../db/embedded";
import { createTestDatabase } from "../testing/test-database";
import type { Actor } from "../auth/actor";

const ACCOUNTS = 10_000;
const TOKENS_PER_ACCOUNT = 3;
const TARGET_MS = 50;

const dir = temporaryClusterDir("bench-tokens");
const cluster = await startEmbeddedPostgres(dir);
try {
  process.env.DATABASE_URL = await createTestDatabase(cluster.url(), "keyhold_bench");
  for (const [name, value] of Object.entries(BENCH_SECRETS)) process.env[name] ??= value;
  const seconds = await seed(process.env.DATABASE_URL);
  console.log(`seeded ${ACCOUNTS} service accounts and ${ACCOUNTS * TOKENS_PER_ACCOUNT} tokens in ${seconds.toFixed(1)} s`);

  const { db } = await import("../db/client");
  const { findServiceAccounts } = await import("../service-accounts/find-service-accounts");
  const { findServiceAccountsSchema } = await import("../service-accounts/schemas");
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
  const actor = { type: "USER" as const, id: admin.id, name: admin.name, email: admin.email, role: admin.role };
  const contributor = await db.user.findFirstOrThrow({ where: { role: "CONTRIBUTOR" } });
  const contributorActor = { ...actor, id: contributor.id, role: contributor.role };
  const params = (p: Record<string, unknown>) => findServiceAccountsSchema.parse(p);

  const scenarios: { name: string; run: () => Promise<unknown> }[] = [
    { name: "first page (newest 25)", run: () => findServiceAccounts(actor, params({})) },
    { name: "filtered (role + status + search)", run: () => findServiceAccounts(actor, params({ role: "VIEWER", status: "active", q: "deploy" })) },
    { name: "filtered (owner, My tokens)", run: () => findServiceAccounts(contributorActor, params({}), { mine: true }) },
    { name: "sorted by last used", run: () => findServiceAccounts(actor, params({ sort: "lastUsedAt", dir: "desc" })) },
    { name: "deep page (page 300 of 400)", run: () => findServiceAccounts(actor, params({ page: 300 })) },
  ];
  scenarios.push(...(await homeScenarios(actor, contributorActor)));
  const rows = [];
  for (const scenario of scenarios) rows.push({ name: scenario.name, ...(await measure(scenario.run)), target: TARGET_MS });
  report(rows);
  await db.$disconnect();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}

/** The home page's queries: each bucket (count + top rows) per scope, the review lists, and each scope's whole page. */
async function homeScenarios(admin: Actor, contributor: Actor) {
  const { findAttention, findBucket } = await import("../home/find-attention");
  const { findReviewTokens } = await import("../home/find-review-tokens");
  const { homeAccountsWhere } = await import("../home/home-scope");
  const { ATTENTION_BUCKETS } = await import("../service-accounts/attention-where");
  const scopes = [
    ["organisation", homeAccountsWhere(admin, "all")],
    ["owner", homeAccountsWhere(contributor, "mine")],
  ] as const;
  return [
    ...scopes.flatMap(([label, where]) => ATTENTION_BUCKETS.map((bucket) => ({ name: `home ${label}: ${bucket}`, run: () => findBucket(where, bucket, new Date()) }))),
    { name: "home admin review lists (2)", run: () => findReviewTokens(admin) },
    { name: "home page, owner (all buckets)", run: () => findAttention(contributor, "mine") },
    { name: "home page, organisation + review", run: () => Promise.all([findAttention(admin, "all"), findReviewTokens(admin)]) },
  ];
}

/** Bulk insert with generate_series: realistic names, roles, owners, expiries and usage. */
async function seed(url: string): Promise<number> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt")
    SELECT 'user' || i || '@bench.test', 'Bench User ' || i,
           (ARRAY['ADMIN','CONTRIBUTOR','VIEWER','AUDITOR']::"Role"[])[1 + i % 4], 'x', now()
    FROM generate_series(1, 50) i`);
  // Two owners left: their accounts are the home page's "Owner disabled".
  await client.query(`UPDATE "User" SET status = 'DISABLED' WHERE email IN ('user7@bench.test', 'user13@bench.test')`);
  await client.query(`
    INSERT INTO "ServiceAccount" (name, description, role, "ownerId", "createdAt", "updatedAt", "tokenExpiresAt", "tokenRevokedAt", "lastUsedAt")
    SELECT (ARRAY['deploy','ci','terraform','monitoring','backup'])[1 + i % 5] || '-' || i,
           'Token for ' || (ARRAY['deploy pipeline','nightly CI','infrastructure','metrics scraper','backups'])[1 + i % 5],
           (ARRAY['ADMIN','CONTRIBUTOR','VIEWER','AUDITOR','INTROSPECTOR']::"ServiceAccountRole"[])[1 + i % 5],
           (SELECT id FROM "User" ORDER BY email OFFSET (i % 50) LIMIT 1),
           now() - (i || ' minutes')::interval, now(),
           CASE WHEN i % 3 = 0 THEN NULL ELSE now() + ((i % 400) - 30 || ' days')::interval END,
           CASE WHEN i % 17 = 0 THEN now() ELSE NULL END,
           CASE WHEN i % 4 = 0 THEN NULL ELSE now() - ((i % 1000) || ' minutes')::interval END
    FROM generate_series(1, ${ACCOUNTS}) i`);
  // Three named tokens per account (several tokens per account): full access, scoped, and limited to a range.
  // They share the account's expiry and revocation, so the account's status copy is what the app would derive.
  await client.query(`
    INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint, name, "fullAccess", scopes, "allowedIps", "createdAt", "expiresAt", "revokedAt", "lastUsedAt")
    SELECT 'tok_' || substr(md5(a.id::text || n), 1, 13), a.id, encode(sha256((a.id::text || n)::bytea), 'hex'), 'kh_…' || substr(md5(a.id::text || n), 1, 4),
           (ARRAY['default','ci','deploy'])[n], n <> 2,
           CASE WHEN n = 2 THEN ARRAY['service_accounts:read'] ELSE ARRAY[]::text[] END,
           CASE WHEN n = 3 THEN ARRAY['10.0.0.0/8'] ELSE ARRAY[]::text[] END,
           a."createdAt" + (n || ' minutes')::interval, a."tokenExpiresAt", a."tokenRevokedAt", a."lastUsedAt"
    FROM "ServiceAccount" a CROSS JOIN generate_series(1, ${TOKENS_PER_ACCOUNT}) n`);
  await client.query("ANALYZE");
  await client.end();
  return (Date.now() - started) / 1000;
}
