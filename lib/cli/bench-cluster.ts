// npm run bench:cluster: two instances on one database (the production build, like npm start) and, across them:
// (1) revocation: a token revoked through instance A, then used at once on instance B, over 1,000 trials: how
//     many times B still accepted it (target 0);
// (2) rate limit: one token at 64 connections per instance against a limit of 60/min: how many requests got
//     through beyond 60;
// (3) 40 revoke-vs-regenerate races and 200 mixed mutations at once: 5xx count, unaudited successes, accounts
//     whose shown status disagrees with their token, and whether the audit chain verifies.
import { BENCH_SECRETS } from "../bench/bench-secrets";
import { rm } from "node:fs/promises";
import autocannon from "autocannon";
import pg from "pg";
import { ensureProductionBuild } from "../bench/app-server";
import { startEmbeddedPostgres, temporaryClusterDir } from "../db/embedded";
import { startAppInstances } from "../testing/app-instances";
import { callApi, raceMutations, raceOutcome, type Target } from "../testing/cluster-mutations";
import { createTestDatabase } from "../testing/test-database";
import { issueToken } from "../tokens/token-format";
import { say } from "./runtime";

const PORT = Number(process.env.BENCH_PORT ?? 3375);
const TRIALS = Number(process.env.BENCH_TRIALS ?? 1000);
const PARALLEL = 8; // trials in flight at once

ensureProductionBuild();
const dir = temporaryClusterDir("bench-cluster");
const cluster = await startEmbeddedPostgres(dir);
const databaseUrl = await createTestDatabase(cluster.url(), "keyhold_bench_cluster");
const client = new pg.Pool({ connectionString: databaseUrl, max: 8 });
const env = { DATABASE_URL: databaseUrl, ...BENCH_SECRETS };
try {
  const ownerId = await seedOwner(client);
  say("starting two instances (no practical rate limit)");
  let instances = await startAppInstances(2, { ...env, KEYHOLD_API_RATE_LIMIT: "100000000" }, [PORT, PORT + 1]);
  const [a, b] = instances.urls as [string, string];
  const admin = (await seedAccount(client, ownerId, "ADMIN")).value;

  say(`(1) ${TRIALS} trials: warm B, revoke on A, then whoami on B`);
  const targets = await Promise.all(Array.from({ length: TRIALS }, () => seedAccount(client, ownerId, "VIEWER")));
  let stale = 0;
  let notRevoked = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let t = targets[next++]; t; t = targets[next++]) {
        await callApi(b, t.value, "GET", "/api/v1/whoami");
        await callApi(b, t.value, "GET", "/api/v1/whoami");
        if ((await callApi(a, admin, "POST", `/api/v1/tokens/${t.tokenId}/revoke`)).status !== 200) notRevoked++;
        if ((await callApi(b, t.value, "GET", "/api/v1/whoami")).status === 200) stale++;
      }
    }),
  );

  say("(3) 40 revoke-vs-regenerate races, then 200 mixed mutations, across both instances");
  const raced = await Promise.all(Array.from({ length: 40 }, () => seedAccount(client, ownerId, "VIEWER")));
  const others = await Promise.all(Array.from({ length: 40 }, () => seedAccount(client, ownerId, "VIEWER")));
  const replies = await raceMutations([a, b], () => admin, raced, others);
  const outcome = await raceOutcome(client, replies, [...raced, ...others]);
  Object.assign(process.env, env); // the audit keys verifyAuditChain reads
  const { verifyAuditChain } = await import("../audit/verify-audit-chain");
  const chain = await verifyAuditChain(client);
  await instances.stop();

  say("(2) two instances with KEYHOLD_API_RATE_LIMIT=60: one token, 64 connections on each for 5 s");
  instances = await startAppInstances(2, { ...env, KEYHOLD_API_RATE_LIMIT: "60" }, [PORT, PORT + 1]);
  const limited = (await seedAccount(client, ownerId, "VIEWER")).value;
  const flood = (url: string) =>
    autocannon({ url: `${url}/api/v1/whoami`, connections: 64, duration: 5, headers: { authorization: `Bearer ${limited}` } });
  const results = await Promise.all(instances.urls.map(flood));
  const accepted = results.reduce((n, r) => n + r["2xx"], 0);
  const refused = results.reduce((n, r) => n + r.non2xx, 0);
  await instances.stop();

  console.log(`\nrevocation: ${stale} stale accepts on B in ${TRIALS} trials (revoke on A, then one whoami on B; target 0)${notRevoked ? `; ${notRevoked} revocations failed` : ""}`);
  console.log(`rate limit 60/min, 2 × 64 connections for 5 s: ${accepted} accepted (overshoot ${accepted - 60}), ${refused} refused`);
  console.log(`mixed mutations: ${replies.length} requests, ${outcome.serverErrors.length} responses 5xx, other unexpected statuses [${outcome.unexpected.join(", ")}]`);
  for (const error of outcome.serverErrors.slice(0, 5)) console.log(`  5xx: ${JSON.stringify(error)}`);
  console.log(`  ${outcome.mutations} successful mutations, ${outcome.unaudited.length} without an audit event; ${outcome.statusDisagrees.length} accounts whose status disagrees with their token`);
  console.log(`  audit chain: ${chain.ok ? `intact (${chain.count} events)` : `BROKEN at ${chain.firstBreak.id}: ${chain.firstBreak.reason}`}`);
} finally {
  await client.end();
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}

async function seedOwner(db: pg.Pool): Promise<string> {
  const { rows } = await db.query(`INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt") VALUES ('bench@bench.test', 'Bench', 'ADMIN', 'x', now()) RETURNING id`);
  return rows[0].id;
}

async function seedAccount(db: pg.Pool, ownerId: string, role: string): Promise<Target & { value: string }> {
  const issued = issueToken();
  const account = await db.query(`INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt") VALUES ($1, $2, $3, now()) RETURNING id`, [`bench-${issued.publicId}`, role, ownerId]);
  const token = await db.query(`INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint) VALUES ($1, $2, $3, $4) RETURNING id`, [issued.publicId, account.rows[0].id, issued.secretHash, issued.hint]);
  return { accountId: account.rows[0].id, tokenId: token.rows[0].id, value: issued.value };
}
