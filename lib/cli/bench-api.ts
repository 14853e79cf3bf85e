// npm run bench:api: serves the production build and measures, in one run, authenticated GET /api/v1/whoami and
// POST /api/v1/introspect (form-encoded, INTROSPECTOR token, as OAuth libraries send it) and POST /api/v1/authorize
// (a token with 5 custom scopes and 20 grants, lib/bench/authorize-subject.ts) against unauthenticated
// GET /api/health (autocannon, 32 connections, alternating rounds), and the database writes they cause.
import { BENCH_SECRETS } from "../bench/bench-secrets";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { rowWrites, waitForServer } from "../bench/app-server";
import { seedAuthorizeSubject } from "../bench/authorize-subject";
import { startEmbeddedPostgres, temporaryClusterDir } from "../db/embedded";
import { createTestDatabase } from "../testing/test-database";
import { issueToken } from "../tokens/token-format";
import { projectRoot, say } from "./runtime";

const PORT = 3399;
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** The three take turns, so a change in the machine's load while the benchmark runs hits all alike. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CLOCK_TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

if (!existsSync(path.join(projectRoot, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  say("no production build yet: next build");
  spawnSync(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], { cwd: projectRoot, stdio: "inherit" });
}
const dir = temporaryClusterDir("bench-api");
const cluster = await startEmbeddedPostgres(dir);
const databaseUrl = await createTestDatabase(cluster.url(), "keyhold_bench_api");
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const token = await seedToken(client, "bench", "VIEWER");
const introspector = await seedToken(client, "bench-introspector", "INTROSPECTOR");
const authorizeBody = await seedAuthorizeSubject(client, await seedToken(client, "bench-authorize", "CONTRIBUTOR"), "bench-authorize");
// One process (no tsx wrapper), so its CPU time can be read per round.
const server = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], {
  cwd: projectRoot,
  env: { ...process.env, DATABASE_URL: databaseUrl, ...BENCH_SECRETS, PORT: String(PORT), HOST: "127.0.0.1", NODE_ENV: "production", KEYHOLD_API_RATE_LIMIT: "100000000" },
  stdio: "ignore",
});
try {
  await waitForServer(`http://127.0.0.1:${PORT}/api/health`);
  const run = (url: string, headers: Record<string, string> = {}, duration = SECONDS, body?: string) =>
    autocannon({ url: `http://127.0.0.1:${PORT}${url}`, connections: CONNECTIONS, duration, headers, ...(body ? { method: "POST" as const, body } : {}) });
  const runHealth = (duration?: number) => run("/api/health", {}, duration);
  const runWhoami = (duration?: number) => run("/api/v1/whoami", { authorization: `Bearer ${token}` }, duration);
  const form = { authorization: `Bearer ${introspector}`, "content-type": "application/x-www-form-urlencoded" };
  const runIntrospect = (duration?: number) => run("/api/v1/introspect", form, duration, new URLSearchParams({ token, token_type_hint: "access_token" }).toString());
  const runAuthorize = (duration?: number) => run("/api/v1/authorize", form, duration, authorizeBody);
  say("warming up (3 s each)");
  await runHealth(3);
  await runWhoami(3);
  await runIntrospect(3);
  await runAuthorize(3);

  const health: Round[] = [];
  const whoami: Round[] = [];
  const introspect: Round[] = [];
  const authorize: Round[] = [];
  const measure = async (run: () => Promise<autocannon.Result>): Promise<Round> => {
    const before = cpuMicros(server.pid!);
    const result = await run();
    return { result, cpuMicros: (cpuMicros(server.pid!) - before) / result.requests.total };
  };
  const writesBefore = await rowWrites(client);
  for (let round = 1; round <= ROUNDS; round++) {
    say(`round ${round} of ${ROUNDS}`);
    health.push(await measure(() => runHealth()));
    whoami.push(await measure(() => runWhoami()));
    introspect.push(await measure(() => runIntrospect()));
    authorize.push(await measure(() => runAuthorize()));
  }
  await new Promise((r) => setTimeout(r, 1500)); // let the last rate-limit sync land
  const writes = (await rowWrites(client)) - writesBefore;

  const h = summary(health);
  const w = summary(whoami);
  const i = summary(introspect);
  const line = (name: string, r: Summary) =>
    console.log(`${name.padEnd(26)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   CPU ${r.cpuMicros.toFixed(1).padStart(6)} µs/req   errors ${r.errors}`);
  console.log(`\n${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s each (req/s and p50: the median round; p99: the worst round; CPU: the server's user + system)`);
  line("GET /api/health", h);
  line("GET /api/v1/whoami", w);
  line("POST /api/v1/introspect", i);
  const a = summary(authorize);
  line("POST /api/v1/authorize", a);
  for (const [name, r] of [["whoami", w], ["introspect", i]] as const) {
    console.log(`ratio ${name}/health: ${(r.rps / h.rps).toFixed(2)} (target ≥ 0.7)   ${name} p99: ${r.p99} ms (target < 10 ms)`);
  }
  console.log(`ratio authorize/health: ${(a.rps / h.rps).toFixed(2)} (target ≥ 0.6)   authorize p99: ${a.p99} ms (target < 10 ms)   (5 custom scopes, 20 grants)`);
  const requests = w.requests + i.requests + a.requests;
  console.log(`database row writes during the runs: ${writes} for ${requests} whoami, introspect and authorize requests (${(writes / requests).toFixed(5)} per request)`);
} finally {
  server.kill("SIGTERM");
  await client.end();
  await cluster.stop();
  await rm(dir, { recursive: true, force: true });
}

type Round = { result: autocannon.Result; cpuMicros: number };
type Summary = { rps: number; p50: number; p99: number; errors: number; requests: number; cpuMicros: number };

function summary(rounds: Round[]): Summary {
  const median = [...rounds].sort((a, b) => a.result.requests.average - b.result.requests.average)[Math.floor(rounds.length / 2)]!;
  const results = rounds.map((r) => r.result);
  return {
    rps: median.result.requests.average,
    p50: median.result.latency.p50,
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
    requests: results.reduce((n, r) => n + r.requests.total, 0),
    cpuMicros: median.cpuMicros,
  };
}

/** A process's CPU time so far (user + system), from /proc: µs. */
function cpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const [utime, stime] = stat.slice(stat.lastIndexOf(")") + 2).split(" ").slice(11, 13).map(Number);
  return ((utime! + stime!) / CLOCK_TICKS_PER_SECOND) * 1e6;
}

async function seedToken(db: pg.Client, name: string, role: string): Promise<string> {
  const issued = issueToken();
  const { rows } = await db.query(
    `INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt") VALUES ('bench@bench.test', 'Bench', 'ADMIN', 'x', now())
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
  );
  const account = await db.query(`INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt") VALUES ($1, $2, $3, now()) RETURNING id`, [name, role, rows[0].id]);
  await db.query(`INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint) VALUES ($1, $2, $3, $4)`, [issued.publicId, account.rows[0].id, issued.secretHash, issued.hint]);
  return issued.value;
}
