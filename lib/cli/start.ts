// npm start: serve an existing production build (npm run build), with the same database set-up as quickstart.
// npm run dev: the same server with Next in development mode (--dev), compiling pages on demand.
import { ensureFirstOwner } from "../users/ensure-first-owner";
import { runInstance } from "./run-instance";
import { loadLocalEnv, migrateDatabase, prepareDatabase, validatedEnv } from "./runtime";

// Secrets are generated only for the embedded database; with DATABASE_URL, instances must share them.
loadLocalEnv({ generateSecret: "without-database-url" });
const cluster = await prepareDatabase();
const env = validatedEnv();
await migrateDatabase(env);
const created = await ensureFirstOwner({ email: env.KEYHOLD_ADMIN_EMAIL, password: env.KEYHOLD_ADMIN_PASSWORD });
if (created?.generatedPassword) console.log(`\n  First owner ${created.email}, password (shown once): ${created.generatedPassword}\n`);

await runInstance(env, { cluster, dev: process.argv.includes("--dev"), ready: `Keyhold is listening on http://${env.HOST}:${env.PORT}` });
