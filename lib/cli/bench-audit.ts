// npm run bench:audit: on the database npm run seed:audit filled, the server time of the Audit Log's queries,
// a CSV export of every event (time, peak RSS) and a full chain verification.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { measure, report } from "../bench/stats";
import { loadLocalEnv, prepareDatabase, say, validatedEnv } from "./runtime";

loadLocalEnv({ generateSecret: true });
const cluster = await prepareDatabase();
const env = validatedEnv();
try {
  const { findAuditEvents } = await import("../audit/find-audit-events");
  const { auditPageSchema } = await import("../audit/schemas");
  const { exportAuditEvents, countAuditEvents } = await import("../audit/export-audit-events");
  const { verifyAuditChain } = await import("../audit/verify-audit-chain");
  const { db } = await import("../db/client");
  const total = await countAuditEvents({});
  say(`${total} audit events`);
  const page = (p: Record<string, unknown>) => () => findAuditEvents(auditPageSchema.parse(p));
  const day = 86_400_000;
  const from = new Date(Date.now() - 40 * day).toISOString();
  const to = new Date(Date.now() - 30 * day).toISOString();
  // The cursor of the page 500 pages deep (50 per page), found once.
  const [deep] = await db.$queryRaw<{ id: bigint }[]>`SELECT id FROM "AuditEvent" ORDER BY id DESC OFFSET ${500 * 50} LIMIT 1`;
  const scenarios = [
    { name: "first page", run: page({}), target: 50 },
    { name: "filtered by actor (name)", run: page({ actor: "grace" }), target: 50 },
    { name: "filtered by action", run: page({ action: ["token.revoked"] }), target: 50 },
    { name: "filtered by date range", run: page({ from, to }), target: 50 },
    { name: "free text", run: page({ q: "backup-job-4" }), target: 200 },
    { name: "500 pages deep (cursor)", run: page({ before: String(deep?.id ?? 1) }), target: 50 },
  ];
  const rows = [];
  for (const s of scenarios) rows.push({ name: s.name, ...(await measure(s.run, { runs: 100, warmup: 10 })), target: s.target });
  report(rows);

  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  let started = Date.now();
  let bytes = 0;
  const stream = exportAuditEvents("csv", {}, { type: "SYSTEM", name: "bench" }, { ip: null, userAgent: null, requestId: "bench" });
  await pipeline(Readable.fromWeb(stream as import("node:stream/web").ReadableStream), new Writable({ write: (chunk, _e, done) => ((bytes += chunk.length), done()) }));
  clearInterval(sampler);
  console.log(`CSV export of ${total} events: ${((Date.now() - started) / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(0)} MB, peak RSS ${(peak / 1e6).toFixed(0)} MB, ${(baseline / 1e6).toFixed(0)} MB before it (targets < 30 s, < 250 MB)`);

  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  started = Date.now();
  const verdict = await verifyAuditChain(client);
  console.log(`audit:verify: ${verdict.ok ? `OK, ${verdict.count} events` : `BROKEN at ${verdict.firstBreak.id}`} in ${((Date.now() - started) / 1000).toFixed(1)} s (target < 30 s)`);
  await client.end();
  await db.$disconnect();
} finally {
  await cluster?.stop();
}
