import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { testMeta } from "@/lib/testing/factories";
import { audit } from "./audit";

describe("audit()", () => {
  it("commits and rolls back with the change it records", async () => {
    const marker = `rollback-${Date.now()}`;
    await expect(
      db.$transaction(async (tx) => {
        await audit(tx, testMeta(), { action: "user.created", actor: { type: "SYSTEM" }, target: { type: "user", id: marker } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEvent.count({ where: { targetId: marker } })).toBe(0);
  });

  it("keeps events append-only: the database refuses UPDATE and DELETE", async () => {
    const id = `immutable-${Date.now()}`;
    await db.$transaction((tx) => audit(tx, testMeta(), { action: "user.created", actor: { type: "SYSTEM" }, target: { type: "user", id } }));
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'x' WHERE "targetId" = ${id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE "targetId" = ${id}`).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "user.created" } })).toBe(1);
  });
});
