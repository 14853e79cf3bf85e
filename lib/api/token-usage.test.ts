import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
import { flushTokenUsage, KEPT_ADDRESSES_PER_TOKEN, MAX_PENDING_ADDRESSES, recordTokenUse } from "./token-usage";

const addressesOf = (tokenId: string) => db.tokenClientAddress.findMany({ where: { tokenId }, orderBy: { ip: "asc" } });

describe("client addresses", () => {
  it("are kept in memory between flushes and written in one batch with first/last seen and counts", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { account, token } = await createTestServiceAccount(owner.id);
    const t0 = Date.now();
    // The first use is written at once.
    await recordTokenUse(token.id, account.id, "198.51.100.1", t0);
    expect((await addressesOf(token.id)).map((a) => [a.ip, a.requests])).toEqual([["198.51.100.1", 1]]);
    // Within the minute: nothing written per request.
    expect(recordTokenUse(token.id, account.id, "198.51.100.2", t0 + 1_000)).toBeUndefined();
    expect(recordTokenUse(token.id, account.id, "198.51.100.1", t0 + 2_000)).toBeUndefined();
    expect(recordTokenUse(token.id, account.id, "198.51.100.2", t0 + 3_000)).toBeUndefined();
    expect(recordTokenUse(token.id, account.id, null, t0 + 3_500)).toBeUndefined();
    expect(await addressesOf(token.id)).toHaveLength(1);
    await flushTokenUsage();
    const rows = await addressesOf(token.id);
    expect(rows.map((a) => [a.ip, a.requests, a.firstSeenAt.getTime(), a.lastSeenAt.getTime()])).toEqual([
      ["198.51.100.1", 2, t0, t0 + 2_000],
      ["198.51.100.2", 2, t0 + 1_000, t0 + 3_000],
    ]);
    // A minute on, a use is written at once (the write it returns; a flush now would find nothing pending and
    // not wait for it): the first sighting stays, the last moves.
    await recordTokenUse(token.id, account.id, "198.51.100.1", t0 + 90_000);
    expect((await addressesOf(token.id))[0]).toMatchObject({ requests: 3, firstSeenAt: new Date(t0), lastSeenAt: new Date(t0 + 90_000) });
  });

  it("holds a bounded number in memory and prunes the table to the most recent per token", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { account, token } = await createTestServiceAccount(owner.id);
    const t0 = Date.now();
    await recordTokenUse(token.id, account.id, "10.0.0.0", t0);
    for (let i = 1; i <= MAX_PENDING_ADDRESSES + 10; i++) recordTokenUse(token.id, account.id, `10.0.${Math.floor(i / 256)}.${i % 256}`, t0 + i);
    await flushTokenUsage();
    const rows = await db.tokenClientAddress.findMany({ where: { tokenId: token.id }, orderBy: { lastSeenAt: "desc" } });
    expect(rows).toHaveLength(KEPT_ADDRESSES_PER_TOKEN);
    // The most recent ones that fitted in memory (the first MAX_PENDING_ADDRESSES after the first write).
    expect(rows[0]!.ip).toBe(`10.0.0.${MAX_PENDING_ADDRESSES}`);
    // Counts per day are unaffected by the address bound.
    const usage = await db.tokenUsage.findMany({ where: { tokenId: token.id } });
    expect(usage.reduce((n, u) => n + u.requests, 0)).toBe(MAX_PENDING_ADDRESSES + 11);
  });

  it("drops a deleted token's addresses with it", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { account, token } = await createTestServiceAccount(owner.id);
    await recordTokenUse(token.id, account.id, "192.0.2.1");
    await db.serviceAccount.delete({ where: { id: account.id } });
    expect(await addressesOf(token.id)).toEqual([]);
  });
});
