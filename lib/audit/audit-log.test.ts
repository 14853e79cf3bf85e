import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { actorOf, createTestUser, testMeta } from "@/lib/testing/factories";
import { auditActions } from "./action-definitions";
import { audit } from "./audit";
import { exportAuditEvents } from "./export-audit-events";
import { findAuditEvents } from "./find-audit-events";
import { auditPageSchema } from "./schemas";

async function seed(marker: string, n: number) {
  for (let i = 0; i < n; i++) {
    await db.$transaction((tx) =>
      audit(tx, testMeta(), { action: i % 2 ? "token.created" : "service_account.created", actor: { type: "SYSTEM", name: `seeder ${marker}` }, target: { type: "service_account", id: `${marker}-${i}`, name: `${marker}-${i}` }, metadata: { i, marker } }),
    );
  }
}
const page = (p: Record<string, unknown>) => findAuditEvents(auditPageSchema.parse(p));

describe("audit log queries", () => {
  it("pages by keyset, newest first, forward and back, with filters", async () => {
    const marker = `m${Date.now()}`;
    await seed(marker, 7);
    const first = await page({ actor: `seeder ${marker}`, pageSize: 25 });
    expect(first.rows).toHaveLength(7);
    expect(first.rows.map((r) => r.targetName)).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `${marker}-${i}`));
    const [a, b, c] = [first.rows[0]!, first.rows[3]!, first.rows[6]!];
    const older = await page({ actor: `seeder ${marker}`, before: b.id, pageSize: 25 });
    expect(older.rows.map((r) => r.id)).toEqual(first.rows.slice(4).map((r) => r.id));
    expect(older.newerCursor).toBe(older.rows[0]!.id);
    const newer = await page({ actor: `seeder ${marker}`, after: c.id, pageSize: 25 });
    expect(newer.rows[0]!.id).toBe(a.id);
    expect(newer.newerCursor).toBeNull();
    const tokensOnly = await page({ q: marker, action: ["token.created"], pageSize: 25 });
    expect(tokensOnly.rows.map((r) => r.action)).toEqual(["token.created", "token.created", "token.created"]);
  });

  it("exports the filter as CSV and NDJSON, and audits the export", async () => {
    const marker = `x${Date.now()}`;
    await seed(marker, 3);
    // The seeded actions only: the first export's own audit.exported event mentions the marker too.
    const filter = { q: marker, action: ["service_account.created", "token.created"] as ("service_account.created" | "token.created")[] };
    const text = async (format: "csv" | "ndjson") => new Response(exportAuditEvents(format, filter, { type: "SYSTEM", name: `exporter ${marker}` }, testMeta())).text();
    const csv = (await text("csv")).trim().split("\n");
    expect(csv[0]).toMatch(/^id,occurredAt,actorType/);
    expect(csv).toHaveLength(4);
    expect(csv[1]).toContain(`${marker}-0`);
    const lines = (await text("ndjson")).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.targetName)).toEqual([`${marker}-0`, `${marker}-1`, `${marker}-2`]);
    const exported = await db.auditEvent.findMany({ where: { action: "audit.exported", actorName: `exporter ${marker}` } });
    expect(exported.map((e) => e.metadata)).toEqual([
      { format: "csv", filter, rows: 3 },
      { format: "ndjson", filter, rows: 3 },
    ]);
  });

  it("lets only an OWNER set retention, and records the change", async () => {
    const admin = actorOf(await createTestUser({ role: "ADMIN" }));
    expect(await runAction(auditActions.setRetention, { retentionDays: 30 }, admin, testMeta())).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const owner = actorOf(await createTestUser({ role: "OWNER" }));
    const result = await runAction(auditActions.setRetention, { retentionDays: 3650 }, owner, testMeta());
    expect(result).toMatchObject({ ok: true, data: { retentionDays: 3650 } });
    const [changed] = await db.auditEvent.findMany({ where: { action: "audit.retention_changed", actorId: owner.id } });
    expect(changed?.metadata).toMatchObject({ after: { retentionDays: 3650 } });
    await runAction(auditActions.setRetention, { retentionDays: null }, owner, testMeta());
    expect(await db.setting.findUnique({ where: { key: "audit.retentionDays" } })).toBeNull();
  });

  it("verifies the chain for an AUDITOR, and refuses a VIEWER", async () => {
    const auditor = actorOf(await createTestUser({ role: "AUDITOR" }));
    const result = await runAction(auditActions.verify, {}, auditor, testMeta());
    expect(result).toMatchObject({ ok: true, data: { ok: true } });
    const viewer = actorOf(await createTestUser({ role: "VIEWER" }));
    expect(await runAction(auditActions.verify, {}, viewer, testMeta())).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});
