// Database faults for tests, on a dedicated embedded cluster (never the one other tests share): freeze it
// (every PostgreSQL process stopped with SIGSTOP: connections stay open, nothing answers), or stop and restart it.
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres, temporaryClusterDir, type EmbeddedCluster } from "../db/embedded";

export type FaultyCluster = {
  dir: string;
  url: (database?: string) => string;
  /** SIGSTOP to the postmaster and all its backends; resolves to a function that lets them run again. */
  freeze: () => () => void;
  stop: () => Promise<void>;
  /** Starts it again on the same port and data (after stop). */
  restart: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startFaultyCluster(label: string): Promise<FaultyCluster> {
  const dir = temporaryClusterDir(label);
  let cluster: EmbeddedCluster | null = await startEmbeddedPostgres(dir);
  const url = cluster.url;
  const postmasterPid = () => Number(readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
  return {
    dir,
    url,
    freeze() {
      const pids = [postmasterPid(), ...childrenOf(postmasterPid())];
      for (const pid of pids) process.kill(pid, "SIGSTOP");
      return () => {
        for (const pid of pids) process.kill(pid, "SIGCONT");
      };
    },
    async stop() {
      await cluster?.stop();
      cluster = null;
    },
    async restart() {
      cluster = await startEmbeddedPostgres(dir);
      if (cluster.url() !== url()) throw new Error("the restarted cluster took another port");
    },
    async close() {
      await cluster?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function childrenOf(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent) pids.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}
