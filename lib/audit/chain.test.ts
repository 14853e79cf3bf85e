import { describe, expect, it } from "vitest";
import { freshAuditDatabase as freshDatabase, tamper, writeEvents } from "@/lib/testing/audit-database";
import { testMeta } from "@/lib/testing/factories";
import { canonicalJson } from "./chain";
import { verifyAuditChain } from "./verify-audit-chain";

describe("audit chain", () => {
  it("canonical JSON sorts keys at every level and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"z":1}]},"b":1}');
  });

  it("verifies an intact chain, also when written concurrently", async () => {
    const { client, prisma, close } = await freshDatabase();
    await Promise.all([writeEvents(prisma, 10), writeEvents(prisma, 10), writeEvents(prisma, 10)]);
    const verdict = await verifyAuditChain(client);
    expect(verdict).toEqual({ ok: true, count: 30 });
    await close();
  });

  it("names the event whose row was edited", async () => {
    const { client, prisma, close } = await freshDatabase();
    await writeEvents(prisma, 5);
    const { rows } = await client.query(`SELECT id::text FROM "AuditEvent" ORDER BY "AuditEvent".id OFFSET 2 LIMIT 1`);
    await tamper(client, `UPDATE "AuditEvent" SET "targetName" = 'Mallory' WHERE id = ${rows[0].id}`);
    expect(await verifyAuditChain(client)).toMatchObject({ ok: false, count: 2, firstBreak: { id: rows[0].id, reason: "content" } });
    await close();
  });

  it("sees the gap a deleted row leaves", async () => {
    const { client, prisma, close } = await freshDatabase();
    await writeEvents(prisma, 5);
    const { rows } = await client.query(`SELECT id::text FROM "AuditEvent" ORDER BY "AuditEvent".id`);
    await tamper(client, `DELETE FROM "AuditEvent" WHERE id = ${rows[2].id}`);
    expect(await verifyAuditChain(client)).toMatchObject({ ok: false, count: 2, firstBreak: { id: rows[3].id, reason: "link" } });
    await close();
  });

  it("still verifies after a retention purge, through its checkpoint", async () => {
    const { client, prisma, close } = await freshDatabase();
    const { purgeAuditEvents } = await import("./purge-audit-events");
    await writeEvents(prisma, 4);
    await new Promise((r) => setTimeout(r, 20));
    const cutoff = new Date();
    await writeEvents(prisma, 2);
    const result = await purgeAuditEvents(0, { type: "SYSTEM", name: "retention" }, testMeta(), { now: cutoff, client: prisma });
    expect(result).toEqual({ purged: 4 });
    expect(await verifyAuditChain(client)).toEqual({ ok: true, count: 3 });
    const { rows } = await client.query(`SELECT action, metadata FROM "AuditEvent" ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({ action: "audit.purged", metadata: { count: 4, retentionDays: 0 } });
    // Deleting outside a purge is still refused.
    await expect(client.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await close();
  });
});
