import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { testMeta } from "@/lib/testing/factories";
import { RefusalAggregator, type Refusal } from "./refusals";

const uniqueIp = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;
const rowsFrom = (ip: string) => db.auditEvent.findMany({ where: { ip }, orderBy: { id: "asc" } });

function refusal(ip: string, overrides: Partial<Refusal> = {}): Refusal {
  return {
    action: "api.request_refused",
    who: `ip:${ip}`,
    reason: "unauthenticated",
    subject: "GET /api/v1/whoami",
    actor: { type: "ANONYMOUS" },
    status: 401,
    meta: testMeta({ ip }),
    details: { method: "GET", path: "/api/v1/whoami" },
    ...overrides,
  };
}

describe("RefusalAggregator", () => {
  it("writes one event per key and window, with the count, the first and last time and a sample request id", async () => {
    const aggregator = new RefusalAggregator(60_000);
    const ip = uniqueIp();
    const first = refusal(ip);
    const t0 = Date.parse("2026-11-30T12:00:00Z");
    aggregator.record(first, t0);
    for (let i = 1; i < 30; i++) aggregator.record(refusal(ip), t0 + i * 100);
    for (let i = 0; i < 70; i++) aggregator.record(refusal(ip, { status: 429 }), t0 + 3_000 + i);
    for (let i = 0; i < 5; i++) aggregator.record(refusal(ip, { reason: "rate_limited", status: 429 }), t0 + 4_000);
    expect(aggregator.pending).toBe(2);
    // Nothing is written while the window is open.
    expect(await rowsFrom(ip)).toHaveLength(0);

    await aggregator.flush();
    const rows = await rowsFrom(ip);
    expect(rows.map((r) => r.metadata)).toEqual([
      {
        reason: "unauthenticated",
        method: "GET",
        path: "/api/v1/whoami",
        status: 429,
        statuses: { 401: 30, 429: 70 },
        count: 100,
        firstAt: "2026-11-30T12:00:00.000Z",
        lastAt: "2026-11-30T12:00:03.069Z",
        sampleRequestId: first.meta.requestId,
      },
      expect.objectContaining({ reason: "rate_limited", count: 5, statuses: { 429: 5 } }),
    ]);
    expect(rows[0]).toMatchObject({ action: "api.request_refused", actorType: "ANONYMOUS", result: "DENIED", requestId: first.meta.requestId });

    // The next window is a new event; an empty window writes nothing.
    aggregator.record(refusal(ip));
    await aggregator.flush();
    await aggregator.flush();
    expect((await rowsFrom(ip)).map((r) => (r.metadata as { count: number }).count)).toEqual([100, 5, 1]);
  });

  it("keys by target, so each account someone tried to act on is its own event, named", async () => {
    const aggregator = new RefusalAggregator(60_000);
    const ip = uniqueIp();
    const on = (id: string) =>
      refusal(ip, { action: "action.refused", reason: "not_owner", subject: "updateServiceAccount", target: { type: "service_account", id, name: `sa-${id}` } });
    aggregator.record(on("a"));
    aggregator.record(on("b"));
    aggregator.record(on("a"));
    await aggregator.flush();
    const rows = await rowsFrom(ip);
    expect(rows.map((r) => [r.targetId, r.targetName, (r.metadata as { count: number }).count])).toEqual([
      ["a", "sa-a", 2],
      ["b", "sa-b", 1],
    ]);
  });

  it("writes each window's aggregates when it ends, without being asked", async () => {
    const aggregator = new RefusalAggregator(150);
    const ip = uniqueIp();
    aggregator.record(refusal(ip));
    aggregator.record(refusal(ip));
    await expect.poll(async () => (await rowsFrom(ip)).map((r) => (r.metadata as { count: number }).count), { timeout: 5_000 }).toEqual([2]);
  });

  it("folds new keys into one per reason and route once full, instead of growing", async () => {
    const aggregator = new RefusalAggregator(60_000, 3);
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++) aggregator.record(refusal(ip, { who: `ip:${ip}-${i}`, actor: { type: "ANONYMOUS", name: `caller-${i}` } }));
    expect(aggregator.pending).toBe(4);
    await aggregator.flush();
    const rows = await rowsFrom(ip);
    expect(rows.map((r) => [r.actorName, (r.metadata as { count: number }).count])).toEqual([
      ["caller-0", 1],
      ["caller-1", 1],
      ["caller-2", 1],
      ["other callers", 7],
    ]);
    expect(rows[3]!.metadata).toMatchObject({ folded: true, reason: "unauthenticated" });
  });

  it("keeps the distinct names it saw (e.g. the emails tried) when there were several", async () => {
    const aggregator = new RefusalAggregator(60_000);
    const ip = uniqueIp();
    for (const name of ["a@example.test", "b@example.test", "a@example.test", "invalid"]) {
      aggregator.record(refusal(ip, { action: "user.sign_in_failed", reason: "unknown_email", subject: "sign-in", result: "FAILURE", actor: { type: "ANONYMOUS", name } }));
    }
    await aggregator.flush();
    const [row] = await rowsFrom(ip);
    expect(row).toMatchObject({ actorName: "a@example.test", result: "FAILURE", metadata: { count: 4, actorNames: ["a@example.test", "b@example.test", "invalid"] } });
  });
});
