import { describe, expect, it } from "vitest";
import { audit } from "@/lib/audit/audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { freshAuditDatabase, tamper, writeEvents } from "@/lib/testing/audit-database";
import { testMeta } from "@/lib/testing/factories";

// Outside events add no column: the reporter (`source`) is part of the chained metadata, so events written
// before them keep their hashes, a chain mixing both verifies, and a forged source breaks it.

describe("outside events in the audit chain", () => {
  it("a chain of existing events with outside events among them verifies; editing the source breaks it", async () => {
    const { client, prisma, close } = await freshAuditDatabase();
    await writeEvents(prisma, 3);
    const before = (await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" ORDER BY id`)).rows;
    const source = { type: "SERVICE_ACCOUNT", id: "9c0f2a57-1d7e-4b1f-9a51-6d7b3b1f0c11", name: "deployer", tokenId: "1f7e1c3a-7c55-4f0e-b1a2-0f3b2c1d4e5f" };
    await prisma.$transaction((tx) =>
      audit(tx, testMeta(), { action: "ext.deployer.released", actor: { type: "SERVICE_ACCOUNT", id: "acc", name: "ci", tokenId: "tok" }, result: "SUCCESS", metadata: { source, details: { v: 1 } } }),
    );
    await writeEvents(prisma, 2);
    expect(await verifyAuditChain(client)).toEqual({ ok: true, count: 6 });
    // Nothing about the events before it changed.
    expect((await client.query<{ hash: string }>(`SELECT hash FROM "AuditEvent" ORDER BY id LIMIT 3`)).rows).toEqual(before);

    await tamper(client, `UPDATE "AuditEvent" SET metadata = jsonb_set(metadata, '{source,name}', '"someone-else"') WHERE action = 'ext.deployer.released'`);
    expect(await verifyAuditChain(client)).toMatchObject({ ok: false, firstBreak: { reason: "content" } });
    await close();
  });
});
