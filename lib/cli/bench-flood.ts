// npm run bench:flood: what a flood of token-less requests costs. Two instances of the production build on one
// database: it measures the p50 of an edit (PATCH /api/v1/service-accounts/{id} with an ADMIN token: a write
// plus an audit event under the chain's lock) through the other instance alone, then during 20,000 token-less
// requests at 64 connections to the first (autocannon, in its own process), then the same through the flooded
// instance itself; then it stops the servers (which write the open window's refusal aggregates) and counts the
// audit rows and database writes the floods caused.
import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { startBenchApp } from "../bench/app-server";
import { percentile } from "../bench/stats";
import { issueToken } from "../tokens/token-format";
import { projectRoot, say } from "./runtime";

const PORT = 3398;
const REQUESTS = Number(process.env.BENCH_FLOOD_REQUESTS ?? 20_000);
const CONNECTIONS = 64;
const EDITS_ALONE = 200;
const FAILURE_LIMIT = 30; // the default of KEYHOLD_API_AUTH_FAILURE_LIMIT

const seeded = { token: "", accountId: "" };
const app = await startBenchApp("bench-flood", PORT, { KEYHOLD_API_RATE_LIMIT: "100000000", KEYHOLD_API_AUTH_FAILURE_LIMIT: String(FAILURE_LIMIT) }, async (client) => {
  Object.assign(seeded, await seed(client));
});
try {
  // The issue's set-up: the flood hits one instance, people edit through another on the same database.
  const other = await app.startAnother(PORT + 1);
  let n = 0;
  const edit = async (url: string) => {
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/service-accounts/${seeded.accountId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${seeded.token}`, "content-type": "application/json" },
      body: JSON.stringify({ description: `edit ${(n += 1)}` }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`edit answered ${response.status}`);
    return performance.now() - started;
  };
  const editsAlone = async (url: string) => {
    for (let i = 0; i < 20; i++) await edit(url);
    const times: number[] = [];
    for (let i = 0; i < EDITS_ALONE; i++) times.push(await edit(url));
    return times;
  };
  const editsDuringFlood = async (url: string) => {
    const flood = runFlood(`${app.url}/api/v1/whoami`);
    const times: number[] = [];
    while (!flood.done) times.push(await edit(url));
    return { times, flood: await flood.result };
  };

  const refusedBefore = await countRows(app.client, `action = 'api.request_refused'`);
  say(`edits through the other instance: alone (${EDITS_ALONE}), then during a flood of ${REQUESTS} token-less requests at ${CONNECTIONS} connections`);
  const otherAlone = await editsAlone(other.url);
  const otherDuring = await editsDuringFlood(other.url);
  // Every database write a token-less request can cause is one upsert of its address's failure count (each
  // adds 1) or its share of an audit row: the stored count is the number of upserts.
  const upserts = await failureUpserts(app.client);
  say("the same through the flooded instance itself");
  const sameAlone = await editsAlone(app.url);
  const sameDuring = await editsDuringFlood(app.url);
  say("stopping the servers (they write the open window's refusal aggregates)");
  await app.stopServer();
  await other.stopServer();
  const rows = (await countRows(app.client, `action = 'api.request_refused'`)) - refusedBefore;
  const minutes = Math.max(1, Math.ceil((otherDuring.flood.seconds + sameDuring.flood.seconds) / 60));

  const { flood } = otherDuring;
  console.log(`\nflood: ${flood.requests} requests in ${flood.seconds.toFixed(1)} s (${flood.rps.toFixed(0)} req/s), answers ${JSON.stringify(flood.statuses)}; then once more`);
  console.log(`audit rows written for both floods (one address, 127.0.0.1): ${rows} (${(rows / minutes).toFixed(2)} per address per minute; target ≤ 1)`);
  console.log(`database writes for the first flood's ${flood.requests} requests: ${upserts} failure-count upserts (the limit is ${FAILURE_LIMIT}; requests in flight when it was reached add theirs) and its share of that audit row`);
  const line = (name: string, alone: number[], during: number[]) => {
    const [a, d] = [p50(alone), p50(during)];
    console.log(`${name.padEnd(34)} p50 alone ${a.toFixed(2).padStart(6)} ms   during the flood ${d.toFixed(2).padStart(6)} ms (${during.length} edits)   ratio ${(d / a).toFixed(2)}`);
  };
  line("edit through another instance", otherAlone, otherDuring.times);
  line("edit through the flooded instance", sameAlone, sameDuring.times);
  console.log("target: ratio ≤ 1.5 (the flood client runs at nice 19: an attacker's CPU is not the server's)");
} finally {
  await app.close();
}

function p50(times: number[]): number {
  return percentile([...times].sort((a, b) => a - b), 50);
}

/** autocannon in its own process, so its work does not delay the edits measured here. */
function runFlood(url: string) {
  const state = { done: false, result: undefined as unknown as Promise<{ requests: number; seconds: number; rps: number; statuses: Record<string, number> }> };
  const cli = path.join(projectRoot, "node_modules/autocannon/autocannon.js");
  const child = spawn("nice", ["-n", "19", process.execPath, cli, "-a", String(REQUESTS), "-c", String(CONNECTIONS), "-j", url], { stdio: ["ignore", "pipe", "ignore"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  state.result = new Promise((resolve, reject) => {
    child.once("exit", () => {
      state.done = true;
      try {
        const json = JSON.parse(out) as { requests: { total: number; average: number }; duration: number; statusCodeStats?: Record<string, { count: number }> };
        const statuses = Object.fromEntries(Object.entries(json.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
        resolve({ requests: json.requests.total, seconds: json.duration, rps: json.requests.total / json.duration, statuses });
      } catch (error) {
        reject(error);
      }
    });
  });
  return state;
}

async function failureUpserts(client: pg.Client): Promise<number> {
  const { rows } = await client.query(`SELECT coalesce(sum(points), 0)::int AS n FROM rate_limits WHERE key LIKE 'api-auth-failure:%'`);
  return rows[0].n;
}

async function countRows(client: pg.Client, where: string): Promise<number> {
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE ${where}`);
  return rows[0].n;
}

/** An ADMIN user, an ADMIN service account with a token (the editor), and the account it edits. */
async function seed(db: pg.Client): Promise<{ token: string; accountId: string }> {
  const issued = issueToken();
  const { rows } = await db.query(`INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt") VALUES ('bench@bench.test', 'Bench', 'ADMIN', 'x', now()) RETURNING id`);
  const owner = rows[0].id as string;
  const editor = await db.query(`INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt") VALUES ('bench-editor', 'ADMIN', $1, now()) RETURNING id`, [owner]);
  await db.query(`INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint) VALUES ($1, $2, $3, $4)`, [issued.publicId, editor.rows[0].id, issued.secretHash, issued.hint]);
  const edited = await db.query(`INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt") VALUES ('bench-edited', 'VIEWER', $1, now()) RETURNING id`, [owner]);
  return { token: issued.value, accountId: edited.rows[0].id };
}
