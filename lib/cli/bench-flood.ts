// npm run bench:flood: what a flood of token-less requests costs. It serves the production build, measures the
// p50 of an edit (PATCH /api/v1/service-accounts/{id} with an ADMIN token: a write plus an audit event under
// the chain's lock) alone, then during 20,000 token-less requests at 64 connections (autocannon, in its own
// process), then stops the server (which writes the open window's refusal aggregates) and counts the audit
// rows and database writes the flood caused.
import { spawn } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { rowWrites, startBenchApp } from "../bench/app-server";
import { percentile } from "../bench/stats";
import { issueToken } from "../tokens/token-format";
import { projectRoot, say } from "./runtime";

const PORT = 3398;
const REQUESTS = Number(process.env.BENCH_FLOOD_REQUESTS ?? 20_000);
const CONNECTIONS = 64;
const EDITS_ALONE = 200;

const seeded = { token: "", accountId: "" };
const app = await startBenchApp("bench-flood", PORT, { KEYHOLD_API_RATE_LIMIT: "100000000" }, async (client) => {
  Object.assign(seeded, await seed(client));
});
try {
  let n = 0;
  const edit = async () => {
    const started = performance.now();
    const response = await fetch(`${app.url}/api/v1/service-accounts/${seeded.accountId}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${seeded.token}`, "content-type": "application/json" },
      body: JSON.stringify({ description: `edit ${(n += 1)}` }),
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`edit answered ${response.status}`);
    return performance.now() - started;
  };
  say(`edits alone (${EDITS_ALONE}, after 20 to warm up)`);
  for (let i = 0; i < 20; i++) await edit();
  const alone: number[] = [];
  for (let i = 0; i < EDITS_ALONE; i++) alone.push(await edit());

  const refusedBefore = await countRows(app.client, `action = 'api.request_refused'`);
  const writesBefore = await rowWrites(app.client);
  say(`flood: ${REQUESTS} token-less GET /api/v1/whoami at ${CONNECTIONS} connections, edits one after another meanwhile`);
  const flood = runFlood(`${app.url}/api/v1/whoami`);
  const during: number[] = [];
  while (!flood.done) during.push(await edit());
  const floodResult = await flood.result;
  const writes = (await rowWrites(app.client)) - writesBefore;
  say("stopping the server (it writes the open window's refusal aggregates)");
  await app.stopServer();
  const rows = (await countRows(app.client, `action = 'api.request_refused'`)) - refusedBefore;
  const addresses = 1; // every request came from 127.0.0.1
  const minutes = Math.max(1, Math.ceil(floodResult.seconds / 60));

  const p50Alone = percentile(alone.sort((a, b) => a - b), 50);
  const p50During = percentile(during.sort((a, b) => a - b), 50);
  const ratio = p50During / p50Alone;
  console.log(`\nflood: ${floodResult.requests} requests in ${floodResult.seconds.toFixed(1)} s (${floodResult.rps.toFixed(0)} req/s), answers ${JSON.stringify(floodResult.statuses)}`);
  console.log(`audit rows written for the flood: ${rows} (${(rows / addresses / minutes).toFixed(2)} per address per minute; target ≤ 1)`);
  console.log(`database row writes during the flood: ${writes}, of which ${during.length} edits wrote their own (the flood's are the failure counts up to the limit)`);
  console.log(`edit p50 alone: ${p50Alone.toFixed(2)} ms (${alone.length} edits)   during the flood: ${p50During.toFixed(2)} ms (${during.length} edits)`);
  console.log(`ratio during/alone: ${ratio.toFixed(2)} (target ≤ 1.5)`);
} finally {
  await app.close();
}

/** autocannon in its own process, so its work does not delay the edits measured here. */
function runFlood(url: string) {
  const state = { done: false, result: undefined as unknown as Promise<{ requests: number; seconds: number; rps: number; statuses: Record<string, number> }> };
  const cli = path.join(projectRoot, "node_modules/autocannon/autocannon.js");
  const child = spawn(process.execPath, [cli, "-a", String(REQUESTS), "-c", String(CONNECTIONS), "-j", url], { stdio: ["ignore", "pipe", "ignore"] });
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
