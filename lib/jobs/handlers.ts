// Every queue's handler, registered once per process before the workers start (./workers.ts). A feature adds
// its line here, `registerJobHandler("<queue>", handler)`, and its queue's policy in ./queues.ts. A queue with
// no handler is not worked: its jobs wait.
import { scanStaleTokens } from "@/lib/stale-tokens/scan-stale-tokens";
import { registerJobHandler } from "./registry";

export function registerJobHandlers(): void {
  registerJobHandler("scan-stale", async () => void (await scanStaleTokens()));
}
