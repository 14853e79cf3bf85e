// npm run audit:verify: walks the audit chain of DATABASE_URL (or the embedded database) and reports OK with
// the count, or the first event whose content or link does not match. Exit code 1 on a break.
import pg from "pg";
import { verifyAuditChain } from "../audit/verify-audit-chain";
import { loadLocalEnv, prepareDatabase, validatedEnv } from "./runtime";

loadLocalEnv({ generateSecret: true });
const cluster = await prepareDatabase();
const client = new pg.Client({ connectionString: validatedEnv().DATABASE_URL });
await client.connect();
try {
  const started = Date.now();
  const result = await verifyAuditChain(client, (n) => process.stderr.write(`\rchecked ${n} events…`));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write("\n");
  if (result.ok) console.log(`OK: ${result.count} events, chain intact (${seconds} s)`);
  else {
    console.log(`BROKEN after ${result.count} good events: ${result.firstBreak.message}`);
    process.exitCode = 1;
  }
} finally {
  await client.end();
  await cluster?.stop();
}
