import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { actorOf, createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
import { findAccountUsage, USAGE_DAYS } from "./find-account-usage";

const DAY = 86_400_000;

describe("an account's usage", () => {
  it("gives 90 UTC days of requests per token and the last distinct addresses, only to who may read the account", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { account, token } = await createTestServiceAccount(owner.id);
    const now = new Date("2026-06-30T12:00:00Z");
    const day = (ago: number) => new Date(now.getTime() - ago * DAY);
    await db.tokenUsage.createMany({
      data: [
        { tokenId: token.id, day: new Date("2026-06-30"), requests: 5 },
        { tokenId: token.id, day: day(89), requests: 7 },
        { tokenId: token.id, day: day(90), requests: 1000 }, // outside the 90 days
      ],
    });
    await db.tokenClientAddress.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({ tokenId: token.id, ip: `192.0.2.${i}`, firstSeenAt: day(20 - i), lastSeenAt: day(12 - i), requests: i + 1 })),
    });
    const usage = await findAccountUsage(actorOf(owner), account.id, now);
    expect(usage.days).toHaveLength(USAGE_DAYS);
    expect(usage.days.at(-1)).toEqual({ day: "2026-06-30", requests: { [token.id]: 5 } });
    expect(usage.days[0]).toEqual({ day: day(89).toISOString().slice(0, 10), requests: { [token.id]: 7 } });
    expect(usage.tokens.map((t) => t.id)).toEqual([token.id]);
    expect(usage.addresses).toHaveLength(10);
    expect(usage.addresses[0]).toEqual({ ip: "192.0.2.11", firstSeenAt: day(9).toISOString(), lastSeenAt: day(1).toISOString(), requests: 12 });

    const stranger = await createTestUser({ role: "CONTRIBUTOR" });
    const hidden = await findAccountUsage(actorOf(stranger), account.id, now);
    expect(hidden.tokens).toEqual([]);
    expect(hidden.addresses).toEqual([]);
    expect(hidden.days.every((d) => Object.keys(d.requests).length === 0)).toBe(true);
  });
});
