// The webhook half of `npm run bench:jobs`: 1,000 events fanned out to 3 endpoints on a local receiver, worked
// by this process's job workers as one instance works them (lib/jobs/workers.ts) → deliveries per second.
// Needs DATABASE_URL, AUTH_SECRET and KEYHOLD_WEBHOOK_ALLOW_PRIVATE=true (the receiver is on 127.0.0.1) in the
// environment before the configuration is first read; it sets the last one itself when it can.
import { startWebhookReceiver } from "../testing/webhook-receiver";

const EVENTS = 1_000;
const ENDPOINTS = 3;
/** Changes are written by this many sessions at once, one event per transaction, as requests write them. */
const WRITERS = 4;

export type FanoutResult = { events: number; endpoints: number; deliveries: number; emitSeconds: number; /** Workers started (every delivery queued) → last delivery succeeded. */ deliverSeconds: number; deliveriesPerSecond: number };

export async function benchWebhookFanout(databaseUrl: string, { timeoutMs = 600_000 } = {}): Promise<FanoutResult> {
  process.env.DATABASE_URL ??= databaseUrl;
  process.env.KEYHOLD_WEBHOOK_ALLOW_PRIVATE ??= "true";
  const { env } = await import("../config/env");
  if (!env().KEYHOLD_WEBHOOK_ALLOW_PRIVATE) throw new Error("benchWebhookFanout needs KEYHOLD_WEBHOOK_ALLOW_PRIVATE=true (its receiver is on 127.0.0.1)");
  const { db } = await import("../db/client");
  const { audit } = await import("../audit/audit");
  const { startJobWorkers } = await import("../jobs/workers");
  const { encryptWebhookSecret, newWebhookSecret } = await import("./webhook-secret");

  const receiver = await startWebhookReceiver();
  const endpoints = await Promise.all(
    Array.from({ length: ENDPOINTS }, (_, i) =>
      db.webhookEndpoint.create({ data: { url: receiver.url(`/bench-${i}`), eventTypes: ["token.revoked"], description: "bench", secretEncrypted: encryptWebhookSecret(newWebhookSecret()) } }),
    ),
  );
  const endpointIds = endpoints.map((endpoint) => endpoint.id);
  let stop: (() => Promise<void>) | null = null;
  try {
    const meta = { ip: null, userAgent: null, requestId: "bench-webhooks" };
    const emitStarted = performance.now();
    let next = 0;
    const writer = async () => {
      for (let i = next++; i < EVENTS; i = next++) {
        await db.$transaction((tx) => audit(tx, meta, { action: "token.revoked", actor: { type: "SYSTEM", name: "bench" }, metadata: { tokenId: `bench-${i}`, hint: "kh_…bench" } }));
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    const emitted = performance.now();
    // The deliveries are queued; the workers (what every instance runs, at its polling interval) start now, so
    // the rate measured is the fan-out's own, not the pace the events were written at.
    stop = await startJobWorkers({ scanIntervalSeconds: 43_200 });
    const workStarted = performance.now();
    const expected = EVENTS * ENDPOINTS;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = await db.webhookDelivery.count({ where: { endpointId: { in: endpointIds }, status: "succeeded" } });
      if (done >= expected) break;
      if (Date.now() > deadline) throw new Error(`only ${done} of ${expected} deliveries succeeded within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const deliverSeconds = (performance.now() - workStarted) / 1000;
    return {
      events: EVENTS,
      endpoints: ENDPOINTS,
      deliveries: expected,
      emitSeconds: (emitted - emitStarted) / 1000,
      deliverSeconds,
      deliveriesPerSecond: expected / deliverSeconds,
    };
  } finally {
    await stop?.();
    await db.webhookEndpoint.deleteMany({ where: { id: { in: endpointIds } } });
    await receiver.close();
  }
}
