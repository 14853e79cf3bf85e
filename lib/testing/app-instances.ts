// Several Keyhold instances on one database, as production runs them: `lib/cli/start.ts` (what `npm start` runs)
// serving the production build (`next build` first), each on its own port. Tests and benchmarks use it.
import { spawn } from "node:child_process";
import { waitForServer } from "../bench/app-server";
import { projectRoot } from "../cli/runtime";

export type Instances = { urls: string[]; stop: () => Promise<void> };

/**
 * Starts `count` instances with `env` (which must hold DATABASE_URL and the shared secrets) on ports
 * `firstPort`, `firstPort + 1`, …, and resolves once every one answers /api/health.
 */
export async function startInstances(count: number, env: Record<string, string>, firstPort: number): Promise<Instances> {
  const started = Array.from({ length: count }, (_, i) => {
    const port = firstPort + i;
    // One process (no tsx wrapper), so the signal that stops it reaches the server itself.
    const server = spawn(process.execPath, ["--import", "tsx", "lib/cli/start.ts"], {
      cwd: projectRoot,
      env: { ...process.env, HOST: "127.0.0.1", NODE_ENV: "production", ...env, PORT: String(port) },
      stdio: ["ignore", "ignore", "inherit"], // its errors show
    });
    return { server, url: `http://127.0.0.1:${port}` };
  });
  const stop = async () => {
    await Promise.all(
      started.map(({ server }) => {
        if (server.exitCode !== null || server.signalCode !== null) return;
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        return exited;
      }),
    );
  };
  try {
    await Promise.all(started.map(({ url }) => waitForServer(`${url}/api/health`)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: started.map((s) => s.url), stop };
}
