// npm start: serve an existing production build (npm run build), with the same database set-up as quickstart.
// npm run dev: the same server with Next in development mode (--dev), compiling pages on demand.
import { flushRefusals } from "../audit/refusals";
import { announceAuditKeys } from "../audit/announce-audit-keys";
import { scheduleAuditCheckpoints } from "../audit/checkpoints/schedule-checkpoints";
import { scheduleAuditRetention } from "../audit/retention";
import { serve } from "../server/server";
import { ensureFirstOwner } from "../users/ensure-first-owner";
import { loadLocalEnv, migrateDatabase, prepareDatabase, projectRoot, say, stopOnSignal, validatedEnv } from "./runtime";

// Secrets are generated only for the embedded database; with DATABASE_URL, instances must share them.
loadLocalEnv({ generateSecret: "without-database-url" });
const cluster = await prepareDatabase();
const env = validatedEnv();
await migrateDatabase(env);
const created = await ensureFirstOwner({ email: env.KEYHOLD_ADMIN_EMAIL, password: env.KEYHOLD_ADMIN_PASSWORD });
if (created?.generatedPassword) console.log(`\n  First owner ${created.email}, password (shown once): ${created.generatedPassword}\n`);

const dev = process.argv.includes("--dev");
const server = await serve(env, { dir: projectRoot, dev });
scheduleAuditRetention();
scheduleAuditCheckpoints();
await announceAuditKeys(say);
say(`Keyhold is listening on http://${env.HOST}:${env.PORT}`);
stopOnSignal(async () => {
  server.close();
  await flushRefusals().catch(() => {}); // best effort: the open window's refusal aggregates
  await cluster?.stop();
});
