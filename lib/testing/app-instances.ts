// N instances of the production server (what `npm start` runs) on one database, as Keyhold is deployed: for
// tests and benchmarks that need several processes (limits shared across instances, database faults).
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "../..");

export type AppInstance = { url: string; server: ChildProcess; stopServer: () => Promise<void> };
export type AppInstances = { urls: string[]; instances: AppInstance[]; stop: () => Promise<void> };

/**
 * Starts `n` servers with `env` (DATABASE_URL and the shared secrets at least) on free ports, or on `ports`,
 * and waits until each answers /api/health. The production build must exist (`npx next build`).
 */
export async function startAppInstances(n: number, env: Record<string, string>, ports?: number[]): Promise<AppInstances> {
  const instances: AppInstance[] = [];
  const stop = async () => void (await Promise.all(instances.map((instance) => instance.stopServer())));
  try {
    for (let i = 0; i < n; i++) instances.push(await startAppInstance(ports?.[i] ?? (await freePort()), env));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: instances.map((instance) => instance.url), instances, stop };
}

/** One server; several may share the database, as in production. Stopped by its process id (SIGTERM). */
export async function startAppInstance(port: number, env: Record<string, string>): Promise<AppInstance> {
  // One process (no tsx wrapper), so that a signal reaches the server itself.
  const server = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], {
    cwd: projectRoot,
    env: { ...process.env, HOST: "127.0.0.1", NODE_ENV: "production", ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"], // its errors show
  });
  const url = `http://127.0.0.1:${port}`;
  const stopServer = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  };
  try {
    await waitForServer(`${url}/api/health`, () => server.exitCode !== null);
  } catch (error) {
    await stopServer();
    throw error;
  }
  return { url, server, stopServer };
}

/** Resolves once `url` answers 200 (a minute at most); gives up early once `exited()` says the server died. */
export async function waitForServer(url: string, exited: () => boolean = () => false) {
  for (let i = 0; i < 120 && !exited(); i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not start (${url})`);
}

/** A port free on 127.0.0.1 now (for a server whose address another must know before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = (server.address() as net.AddressInfo);
      server.close(() => resolve(port));
    });
  });
}
