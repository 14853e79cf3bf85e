// npm run seed:audit -- 1000000: appends that many realistic, correctly chained audit events to DATABASE_URL
// (or the embedded database), in batches. The trigram indexes are rebuilt once at the end, not per row.
import pg from "pg";
import { auditKeyring } from "../audit/audit-keys";
import { AUDIT_CHAIN_LOCK, eventHash, GENESIS_HASH, type ChainedFields } from "../audit/chain";
import { loadLocalEnv, migrateDatabase, prepareDatabase, say, validatedEnv } from "./runtime";

const total = Number(process.argv[2] ?? 1_000_000);
if (!Number.isInteger(total) || total < 1) {
  console.error("usage: npm run seed:audit -- <count>");
  process.exit(2);
}
const BATCH = 5_000;
const TRGM = ["AuditEvent_actorName_trgm", "AuditEvent_targetName_trgm", "AuditEvent_search_trgm"];

const COLUMNS = ["id", "occurredAt", "actorType", "actorId", "actorName", "actorTokenId", "action", "targetType", "targetId", "targetName", "ip", "userAgent", "requestId", "result", "metadata", "prevHash", "hash", "keyId"] as const;
const TYPES = ["bigint", "timestamptz", '"ActorType"', "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", '"AuditResult"', "jsonb", "text", "text", "text"];

type Chained = ChainedFields & { prevHash: string; hash: string; keyId: string };

async function insert(db: pg.Client, events: Chained[]) {
  const columns = COLUMNS.map((c) => events.map((e) => (c === "metadata" ? (e.metadata === null ? null : JSON.stringify(e.metadata)) : c === "id" ? e.id.toString() : e[c])));
  const unnest = TYPES.map((t, i) => `$${i + 1}::${t === "jsonb" ? "text" : t}[]`).join(", ");
  const select = COLUMNS.map((c, i) => (TYPES[i] === "jsonb" ? `"${c}"::jsonb` : `"${c}"`)).join(", ");
  await db.query(
    `INSERT INTO "AuditEvent" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) SELECT ${select} FROM unnest(${unnest}) AS t(${COLUMNS.map((c) => `"${c}"`).join(", ")})`,
    columns,
  );
}

const PEOPLE = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Linus Torvalds", "Margaret Hamilton", "Ken Thompson", "Barbara Liskov", "Dennis Ritchie"];
const ACCOUNTS = ["ci-deploy", "terraform", "grafana-scraper", "backup-job", "github-actions", "nightly-report"];
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

function fakeEvent(id: bigint, occurredAt: Date): ChainedFields {
  const n = Number(id % 1_000_003n);
  const person = PEOPLE[n % PEOPLE.length]!;
  const email = `${person.split(" ")[0]!.toLowerCase()}@example.com`;
  const account = `${ACCOUNTS[n % ACCOUNTS.length]}-${n % 97}`;
  const byMachine = n % 3 === 0;
  const kind = n % 11;
  const action = byMachine
    ? (["api.request_refused", "token.regenerated", "service_account.updated"] as const)[kind % 3]!
    : (["user.signed_in", "user.signed_in", "user.signed_out", "service_account.created", "token.created", "service_account.updated", "token.revoked", "user.sign_in_failed", "user.role_changed", "service_account.deleted", "user.created"] as const)[kind]!;
  const aboutUser = action.startsWith("user.");
  return {
    id,
    occurredAt,
    actorType: byMachine ? "SERVICE_ACCOUNT" : action === "user.sign_in_failed" ? "ANONYMOUS" : "USER",
    actorId: byMachine ? uuid(1000 + (n % 97)) : uuid(n % PEOPLE.length),
    actorName: byMachine ? account : `${person} <${email}>`,
    actorTokenId: byMachine ? uuid(5000 + (n % 97)) : null,
    action,
    targetType: aboutUser ? "user" : "service_account",
    targetId: aboutUser ? uuid(n % PEOPLE.length) : uuid(1000 + (n % 97)),
    targetName: aboutUser ? `${person} <${email}>` : account,
    ip: `10.${n % 7}.${n % 251}.${n % 13}`,
    userAgent: byMachine ? "terraform-provider-keyhold/1.4" : "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
    requestId: `req-${id}`,
    result: action === "api.request_refused" ? "DENIED" : action === "user.sign_in_failed" ? "FAILURE" : "SUCCESS",
    metadata: action.endsWith("updated") || action === "user.role_changed" ? { before: { role: "VIEWER" }, after: { role: "CONTRIBUTOR" } } : action === "api.request_refused" ? { status: 403, method: "POST", path: "/api/v1/service-accounts" } : null,
  };
}

await main();

async function main() {
  loadLocalEnv({ generateSecret: true });
  const cluster = await prepareDatabase();
  const env = validatedEnv();
  await migrateDatabase(env);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  const started = Date.now();
  // Chained with the configured key, as audit() would; the next audit() write signs a checkpoint.
  const key = auditKeyring().current;
  try {
    const { rows: defs } = await client.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1)`, [TRGM]);
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK]);
    for (const { indexname } of defs) await client.query(`DROP INDEX "${indexname}"`);
    const { rows: last } = await client.query<{ id: string; hash: string; occurredAt: Date }>(`SELECT id::text, hash, "occurredAt" FROM "AuditEvent" ORDER BY "AuditEvent".id DESC LIMIT 1`);
    let id = BigInt(last[0]?.id ?? 0);
    let prevHash = last[0]?.hash ?? GENESIS_HASH;
    const span = 365 * 86_400_000;
    const start = Math.max(last[0]?.occurredAt.getTime() ?? 0, Date.now() - span);
    for (let done = 0; done < total; done += BATCH) {
      const events: Chained[] = [];
      for (let i = 0; i < Math.min(BATCH, total - done); i++) {
        id += 1n;
        const fields = fakeEvent(id, new Date(start + Math.floor(((done + i) / total) * (Date.now() - start))));
        const hash = eventHash(prevHash, fields, key.key);
        events.push({ ...fields, prevHash, hash, keyId: key.id });
        prevHash = hash;
      }
      await insert(client, events);
      if ((done / BATCH) % 20 === 0) say(`${done + events.length} / ${total}`);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), $1)`, [id.toString()]);
    say("rebuilding the search indexes…");
    for (const { indexdef } of defs) await client.query(indexdef);
    await client.query("COMMIT");
    await client.query("ANALYZE \"AuditEvent\"");
    say(`seeded ${total} audit events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
    await cluster?.stop();
  }
}
