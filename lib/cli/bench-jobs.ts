// npm run bench:jobs: the job system's benchmarks on an embedded database. Expiry scan: 30,000 tokens of which
// 3,000 expire within 30 days → the time of one scan and the email jobs it enqueued (exactly one per expiring
// token: only the nearest reminder window is due), then of a second scan (nothing left to send). Webhook
// fan-out: 1,000 events to 3 endpoints on a local receiver → deliveries per second (lib/webhooks/bench-fanout.ts).
import { rm } from "node:fs/promises";
import pg from "pg";
import { BENCH_SECRETS } from "../bench/bench-secrets";
import { startEmbeddedPostgres, temporaryClusterDir } from "../db/embedded";
import { createTestDatabase } from "../testing/test-database";
import { benchWebhookFanout } from "../webhooks/bench-fanout";

type Benchmark = { name: string; run: (databaseUrl: string) => Promise<boolean> };

// ───── The benchmarks, in order. ─────
const BENCHMARKS: Benchmark[] = [
  { name: "expiry scan", run: benchExpiryScan },
  { name: "webhook fan-out", run: benchFanout },
];

const ACCOUNTS = 10_000;
const TOKENS_PER_ACCOUNT = 3;
const EXPIRING = 3_000;
const SCAN_TARGET_MS = 10_000;

const dir = temporaryClusterDir("bench-jobs");
const cluster = await startEmbeddedPostgres(dir);
try {
  const url = await createTestDatabase(cluster.url(), "keyhold_bench");
  process.env.DATABASE_URL = url;
  for (const [name, value] of Object.entries(BENCH_SECRETS)) process.env[name] ??= value;
  process.env.KEYHOLD_WEBHOOK_ALLOW_PRIVATE = "true"; // the fan-out's receiver is on 127.0.0.1
  let ok = true;
  for (const benchmark of BENCHMARKS) {
    console.log(`\n== ${benchmark.name}`);
    ok = (await benchmark.run(url)) && ok;
  }
  const { db } = await import("../db/client");
  await db.$disconnect();
  if (!ok) process.exitCode = 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}

/** 30,000 tokens; EXPIRING of them spread over the next 30 days (every reminder window), the rest far off or never. */
async function seedTokens(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`
    INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt")
    SELECT 'user' || i || '@bench.test', 'Bench User ' || i, (ARRAY['ADMIN','CONTRIBUTOR','VIEWER']::"Role"[])[1 + i % 3], 'x', now()
    FROM generate_series(1, 50) i`);
  await client.query(`
    INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt")
    SELECT 'bench-' || i, (ARRAY['ADMIN','CONTRIBUTOR','VIEWER']::"ServiceAccountRole"[])[1 + i % 3],
           (SELECT id FROM "User" ORDER BY email OFFSET (i % 50) LIMIT 1), now()
    FROM generate_series(1, ${ACCOUNTS}) i`);
  // Token k (1…30,000): the first EXPIRING expire between 1 hour and 29.9 days from now; the others in 60–400
  // days, or never.
  await client.query(`
    INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint, name, "expiresAt")
    SELECT 'tok_' || substr(md5(a.id::text || n), 1, 13), a.id, encode(sha256((a.id::text || n)::bytea), 'hex'), 'kh_…' || substr(md5(a.id::text || n), 1, 4),
           (ARRAY['default','ci','deploy'])[n],
           CASE WHEN k <= ${EXPIRING} THEN now() + interval '1 hour' + (k * interval '858 seconds')
                WHEN k % 4 = 0 THEN NULL ELSE now() + ((60 + k % 340) || ' days')::interval END
    FROM (SELECT a.*, row_number() OVER (ORDER BY a.id) AS i FROM "ServiceAccount" a) a
    CROSS JOIN generate_series(1, ${TOKENS_PER_ACCOUNT}) n
    CROSS JOIN LATERAL (SELECT (a.i - 1) * ${TOKENS_PER_ACCOUNT} + n AS k) kk`);
  await client.query("ANALYZE");
  const { rows } = await client.query<{ total: number; expiring: number }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE "expiresAt" > now() AND "expiresAt" <= now() + interval '30 days')::int AS expiring FROM "ApiToken"`,
  );
  await client.end();
  return rows[0]!;
}

async function benchExpiryScan(url: string): Promise<boolean> {
  const seeded = await seedTokens(url);
  console.log(`seeded ${seeded.total} tokens, ${seeded.expiring} expiring within 30 days`);
  const { db } = await import("../db/client");
  const { scanExpiry } = await import("../notifications/scan-expiry");
  const { JOB_SCHEMA } = await import("../jobs/queues");
  const emailJobs = async () => (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${JOB_SCHEMA}.job WHERE name = 'email'`))[0]!.n;
  const meta = { ip: null, userAgent: null, requestId: "bench-jobs" };
  await db.$queryRawUnsafe("SELECT 1"); // connect outside the measurement
  let ok = true;
  for (const run of ["first scan", "second scan"]) {
    const before = await emailJobs();
    const started = performance.now();
    const result = await scanExpiry(meta);
    const ms = performance.now() - started;
    const enqueued = (await emailJobs()) - before;
    // One reminder is due per expiring token on the first scan (the nearest window only), none on the second.
    const expected = run === "first scan" ? seeded.expiring : 0;
    const pass = ms < SCAN_TARGET_MS && enqueued === expected && result.reminders === expected;
    ok &&= pass;
    console.log(`${run}: ${(ms / 1000).toFixed(2)} s, ${enqueued} email jobs enqueued (expected ${expected} = ${seeded.expiring} expiring × ${expected ? 1 : 0} reminder due), target < ${SCAN_TARGET_MS / 1000} s: ${pass ? "ok" : "FAILED"}`);
  }
  return ok;
}

/** 1,000 events, each to 3 endpoints: the deliveries per second one instance's workers reach. */
async function benchFanout(databaseUrl: string): Promise<boolean> {
  const result = await benchWebhookFanout(databaseUrl);
  console.log(`${result.events} events × ${result.endpoints} endpoints: ${result.deliveries} deliveries`);
  console.log(`events written in ${result.emitSeconds.toFixed(1)} s; the workers then delivered them all in ${result.deliverSeconds.toFixed(1)} s → ${result.deliveriesPerSecond.toFixed(1)} deliveries/s`);
  return result.deliveries === result.events * result.endpoints;
}
