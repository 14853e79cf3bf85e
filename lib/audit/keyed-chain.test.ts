import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { eventIds, freshAuditDatabase, rewriteChain, writeEvents } from "@/lib/testing/audit-database";
import { auditKeyId, auditKeyring, buildAuditKeyring, setAuditKeyring } from "./audit-keys";
import { eventHash, GENESIS_HASH } from "./chain";
import { verifyAuditChain } from "./verify-audit-chain";

const newKey = () => randomBytes(32).toString("base64url");
const keyring = (current: string, previous: string[] = []) =>
  buildAuditKeyring({ KEYHOLD_AUDIT_KEY: current, KEYHOLD_AUDIT_PREVIOUS_KEYS: previous, KEYHOLD_AUDIT_SIGNING_KEY: newKey() });

afterEach(() => setAuditKeyring(undefined));

describe("the keyed audit chain", () => {
  it("chains each event with HMAC-SHA-256 under the configured key and stores the key's id, not the key", async () => {
    const { client, prisma, close } = await freshAuditDatabase();
    await writeEvents(prisma, 2);
    const { current } = auditKeyring();
    const { rows } = await client.query(`SELECT * FROM "AuditEvent" ORDER BY id`);
    expect(rows.map((r) => r.keyId)).toEqual([current.id, current.id]);
    expect(current.id).toBe(auditKeyId(current.key));
    expect(rows[0].hash).toBe(eventHash(GENESIS_HASH, rows[0], current.key));
    expect(rows[0].hash).not.toBe(eventHash(GENESIS_HASH, rows[0], null));
    expect(JSON.stringify(rows)).not.toContain(current.key.toString("base64url"));
    await close();
  });

  it("detects an edit whose later hashes were recomputed with plain SHA-256, naming the edited event", async () => {
    const { client, prisma, close } = await freshAuditDatabase();
    await writeEvents(prisma, 6);
    const ids = await eventIds(client);
    expect(await verifyAuditChain(client)).toEqual({ ok: true, count: 6 });

    // Passed off as events from before keys existed: keyId null on the edited event and every later one.
    await rewriteChain(client, ids[2]!, { keyId: null });
    expect(await verifyAuditChain(client)).toMatchObject({ ok: false, count: 2, firstBreak: { id: ids[2], reason: "unkeyed" } });
    await close();
  });

  it("detects the same rewrite when the key ids are left in place, or the rewriter used a key of their own", async () => {
    const { client, prisma, close } = await freshAuditDatabase();
    await writeEvents(prisma, 5);
    const ids = await eventIds(client);
    await rewriteChain(client, ids[3]!, { keyId: "keep" });
    expect(await verifyAuditChain(client)).toMatchObject({ ok: false, count: 3, firstBreak: { id: ids[3], reason: "content", message: `Event ${ids[3]} was altered: its content no longer matches its hash.` } });

    const theirs = randomBytes(32);
    await rewriteChain(client, ids[1]!, { keyId: auditKeyId(theirs), key: theirs });
    expect(await verifyAuditChain(client)).toMatchObject({
      ok: false,
      count: 1,
      firstBreak: { id: ids[1], reason: "unknown_key", message: `Event ${ids[1]} was chained with key ${auditKeyId(theirs)}, which is not configured (KEYHOLD_AUDIT_KEY or KEYHOLD_AUDIT_PREVIOUS_KEYS).` },
    });
    await close();
  });

  it("still verifies the whole chain after the key is rotated, while the old key is configured as a previous key", async () => {
    const { client, prisma, close } = await freshAuditDatabase();
    const [first, second] = [newKey(), newKey()];
    setAuditKeyring(keyring(first));
    await writeEvents(prisma, 3);
    setAuditKeyring(keyring(second, [first]));
    await writeEvents(prisma, 3);
    const { rows } = await client.query<{ keyId: string }>(`SELECT "keyId" FROM "AuditEvent" ORDER BY id`);
    const [oldId, newId] = [keyring(first).current.id, keyring(second).current.id];
    expect(rows.map((r) => r.keyId)).toEqual([oldId, oldId, oldId, newId, newId, newId]);

    expect(await verifyAuditChain(client)).toEqual({ ok: true, count: 6 });
    // Without the old key, its events cannot be checked: that is a break, named, not a pass.
    const ids = await eventIds(client);
    expect(await verifyAuditChain(client, { keys: keyring(second).verifying })).toMatchObject({
      ok: false,
      count: 0,
      firstBreak: { id: ids[0], reason: "unknown_key", message: expect.stringContaining(`chained with key ${oldId}, which is not configured`) },
    });
    await close();
  });

  it("keeps verifying events from before keys (plain SHA-256), followed by keyed ones", async () => {
    const { client, prisma, close } = await freshAuditDatabase();
    await writeEvents(prisma, 4);
    const ids = await eventIds(client);
    // What an upgraded database holds: its oldest events unkeyed. A rewrite from the very first event on is
    // indistinguishable from that history; the signed checkpoints are what catch it (checkpoints.test.ts).
    await rewriteChain(client, ids[0]!, { keyId: null, targetName: "User 0" });
    expect(await verifyAuditChain(client)).toEqual({ ok: true, count: 4 });
    await writeEvents(prisma, 2);
    expect(await verifyAuditChain(client)).toEqual({ ok: true, count: 6 });
    await close();
  });
});
