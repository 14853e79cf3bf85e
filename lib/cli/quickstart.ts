// npm run quickstart: embedded database (unless DATABASE_URL is set), migrations, first owner, production
// build, and the console on http://HOST:PORT. Ctrl-C stops the server and the embedded database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureFirstOwner } from "../users/ensure-first-owner";
import { runInstance } from "./run-instance";
import { loadLocalEnv, migrateDatabase, prepareDatabase, projectRoot, say, validatedEnv } from "./runtime";

loadLocalEnv({ generateSecret: true });
const cluster = await prepareDatabase();
const env = validatedEnv();
await migrateDatabase(env);

const created = await ensureFirstOwner({ email: env.KEYHOLD_ADMIN_EMAIL, password: env.KEYHOLD_ADMIN_PASSWORD });
if (created) say(`created the first owner: ${created.email}`);
if (created?.generatedPassword) {
  console.log(`\n  First owner's password (shown once, store it now): ${created.generatedPassword}\n`);
}

say("building the console (next build)…");
const build = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (build.status !== 0) {
  await cluster?.stop();
  process.exit(build.status ?? 1);
}

await runInstance(env, { cluster, ready: `Keyhold is ready on http://${env.HOST}:${env.PORT}  (Ctrl-C to stop)` });
