// What quickstart and npm start run once the database is ready: the HTTP server, the periodic audit work and
// the job workers; and how to stop them all.
import type { Env } from "../config/env";
import type { EmbeddedCluster } from "../db/embedded";
import { flushRefusals } from "../audit/refusals";
import { announceAuditKeys } from "../audit/announce-audit-keys";
import { scheduleAuditCheckpoints } from "../audit/checkpoints/schedule-checkpoints";
import { scheduleAuditRetention } from "../audit/retention";
import { startJobWorkers } from "../jobs/workers";
import { serve } from "../server/server";
import { projectRoot, say, stopOnSignal } from "./runtime";

export async function runInstance(env: Env, { cluster, dev = false, ready }: { cluster: EmbeddedCluster | null; dev?: boolean; ready: string }) {
  const server = await serve(env, { dir: projectRoot, dev });
  scheduleAuditRetention();
  scheduleAuditCheckpoints();
  const stopJobs = await startJobWorkers({ scanIntervalSeconds: env.KEYHOLD_SCAN_INTERVAL_SECONDS });
  await announceAuditKeys(say);
  say(ready);
  stopOnSignal(async () => {
    server.close();
    await stopJobs().catch(() => {});
    await flushRefusals().catch(() => {}); // best effort: the open window's refusal aggregates
    await cluster?.stop();
  });
}
