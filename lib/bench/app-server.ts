// The production server on a throwaway embedded database, for the benchmarks that measure it over HTTP.
import { BENCH_SECRETS } from "./bench-secrets";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { projectRoot, say } from "../cli/runtime";
import { startEmbeddedPostgres, temporaryClusterDir } from "../db/embedded";
import { startAppInstance, type AppInstance } from "../testing/app-instances";
import { createTestDatabase } from "../testing/test-database";

export { waitForServer } from "../testing/app-instances";

type Instance = AppInstance;
export type BenchApp = Instance & { client: pg.Client; startAnother: (port: number) => Promise<Instance>; close: () => Promise<void> };

/** Builds when there is no build, starts PostgreSQL and the server (`env` added to its environment). */
export async function startBenchApp(name: string, port: number, env: Record<string, string>, seed: (client: pg.Client) => Promise<void>): Promise<BenchApp> {
  ensureProductionBuild();
  const dir = temporaryClusterDir(name);
  const cluster = await startEmbeddedPostgres(dir);
  const databaseUrl = await createTestDatabase(cluster.url(), `keyhold_${name.replace(/-/g, "_")}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await seed(client);
  const { server, url, stopServer } = await startServer(databaseUrl, port, env);
  const others: (() => Promise<void>)[] = [];
  const startAnother = async (anotherPort: number) => {
    const another = await startServer(databaseUrl, anotherPort, env);
    others.push(another.stopServer);
    return another;
  };
  const close = async () => {
    await stopServer();
    for (const stop of others) await stop();
    await client.end();
    await cluster.stop();
    await rm(dir, { recursive: true, force: true });
  };
  return { url, client, server, stopServer, startAnother, close };
}

/** Runs `next build` when there is no production build yet. */
export function ensureProductionBuild(): void {
  if (existsSync(path.join(projectRoot, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) return;
  say("no production build yet: next build");
  spawnSync(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], { cwd: projectRoot, stdio: "inherit" });
}

const startServer = (databaseUrl: string, port: number, env: Record<string, string>) => startAppInstance(port, { DATABASE_URL: databaseUrl, ...BENCH_SECRETS, ...env });

/** Inserted, updated and deleted rows in every table so far (the statistics lag a little: hence the pause). */
export async function rowWrites(db: pg.Client): Promise<number> {
  await new Promise((r) => setTimeout(r, 700));
  const { rows } = await db.query(`SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint AS n FROM pg_stat_user_tables`);
  return Number(rows[0].n);
}
