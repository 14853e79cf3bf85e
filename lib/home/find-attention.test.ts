import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { findServiceAccounts } from "@/lib/service-accounts/find-service-accounts";
import { findServiceAccountsSchema } from "@/lib/service-accounts/schemas";
import { actorOf, createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
import { findAttention } from "./find-attention";
import { homeScopeOf } from "./home-scope";

const DAY = 86_400_000;
const MINUTE = 60_000;
const now = new Date();
const at = (ms: number) => new Date(now.getTime() + ms);

/** An account of `ownerId` with its status columns set as the app would have derived them. */
async function account(ownerId: string, columns: { tokenExpiresAt?: Date | null; tokenRevokedAt?: Date | null; lastUsedAt?: Date | null }, role: "ADMIN" | "VIEWER" = "VIEWER") {
  const { account, token } = await createTestServiceAccount(ownerId, { role, expiresAt: columns.tokenExpiresAt ?? null });
  await db.serviceAccount.update({ where: { id: account.id }, data: columns });
  if (columns.tokenRevokedAt) await db.apiToken.update({ where: { id: token.id }, data: { revokedAt: columns.tokenRevokedAt } });
  return account.name;
}

const namesIn = (groups: Awaited<ReturnType<typeof findAttention>>, bucket: string) => groups.find((g) => g.bucket === bucket)!.rows.map((r) => r.name).sort();

describe("the home page's buckets", () => {
  it("puts each account in the buckets its expiry, last use and owner say, at their boundaries", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const used = { lastUsedAt: at(-MINUTE) };
    const names = {
      in7: await account(owner.id, { tokenExpiresAt: at(7 * DAY - MINUTE), ...used }),
      past7: await account(owner.id, { tokenExpiresAt: at(7 * DAY + MINUTE), ...used }),
      past30: await account(owner.id, { tokenExpiresAt: at(30 * DAY + MINUTE), ...used }),
      expiredRecently: await account(owner.id, { tokenExpiresAt: at(-30 * DAY + MINUTE), ...used }),
      expiredLongAgo: await account(owner.id, { tokenExpiresAt: at(-30 * DAY - MINUTE), ...used }),
      revokedSoon: await account(owner.id, { tokenExpiresAt: at(DAY), tokenRevokedAt: at(-DAY), ...used }),
      unused31: await account(owner.id, { lastUsedAt: at(-30 * DAY - MINUTE) }),
      used29: await account(owner.id, { lastUsedAt: at(-30 * DAY + MINUTE) }),
      unused91: await account(owner.id, { lastUsedAt: at(-90 * DAY - MINUTE) }),
      never: await account(owner.id, { lastUsedAt: null }),
      neverButRevoked: await account(owner.id, { lastUsedAt: null, tokenRevokedAt: at(-DAY) }),
      neverButExpired: await account(owner.id, { lastUsedAt: null, tokenExpiresAt: at(-DAY) }),
    };
    const groups = await findAttention(actorOf(owner), "mine", now);
    expect(namesIn(groups, "expiring_7")).toEqual([names.in7]);
    expect(namesIn(groups, "expiring_30")).toEqual([names.in7, names.past7].sort());
    expect(namesIn(groups, "expired_30")).toEqual([names.expiredRecently, names.neverButExpired].sort());
    expect(namesIn(groups, "unused_30")).toEqual([names.unused31, names.unused91].sort());
    expect(namesIn(groups, "unused_90")).toEqual([names.unused91]);
    expect(namesIn(groups, "never_used")).toEqual([names.never]);
    expect(namesIn(groups, "owner_disabled")).toEqual([]);
    expect(groups.find((g) => g.bucket === "expiring_30")!.count).toBe(2);
    // The inline rows say when, and carry the token Rotate acts on.
    const row = groups.find((g) => g.bucket === "expiring_7")!.rows[0]!;
    expect(row).toMatchObject({ at: at(7 * DAY - MINUTE).toISOString(), canManage: true, token: { status: "expiring", name: "default" } });
  });

  it("counts what the filtered list shows (the link's `attention` filter is the same where)", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    await account(owner.id, { tokenExpiresAt: at(3 * DAY), lastUsedAt: at(-MINUTE) });
    await account(owner.id, { tokenExpiresAt: at(20 * DAY), lastUsedAt: null });
    const actor = actorOf(owner);
    const groups = await findAttention(actor, "mine");
    for (const group of groups) {
      const list = await findServiceAccounts(actor, findServiceAccountsSchema.parse({ attention: group.bucket }), { mine: true });
      expect(list.total, group.bucket).toBe(group.count);
    }
    expect(groups.map((g) => [g.bucket, g.count])).toEqual([
      ["expiring_7", 1],
      ["expiring_30", 2],
      ["expired_30", 0],
      ["unused_30", 0],
      ["unused_90", 0],
      ["never_used", 1],
      ["owner_disabled", 0],
    ]);
  });

  it("shows accounts whose owner is disabled, still working ones only", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const working = await account(owner.id, { lastUsedAt: at(-MINUTE) });
    await account(owner.id, { lastUsedAt: at(-MINUTE), tokenRevokedAt: at(-DAY) });
    await db.user.update({ where: { id: owner.id }, data: { status: "DISABLED" } });
    const groups = await findAttention(actorOf(owner), "mine");
    expect(namesIn(groups, "owner_disabled")).toEqual([working]);
  });

  it("scopes to one's own accounts, or the organisation's for roles that read every account", async () => {
    const viewer = await createTestUser({ role: "VIEWER" });
    const other = await createTestUser({ role: "CONTRIBUTOR" });
    const mine = await account(viewer.id, { tokenExpiresAt: at(2 * DAY), lastUsedAt: at(-MINUTE) });
    const theirs = await account(other.id, { tokenExpiresAt: at(2 * DAY), lastUsedAt: at(-MINUTE) });
    const expiringOf = async (role: Role, userId: string, scope: "mine" | "all") => {
      const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
      const groups = await findAttention({ ...actorOf(user), role }, scope, at(2 * DAY - 1000 * 60 * 60));
      return namesIn(groups, "expiring_7");
    };
    // A viewer asking for the organisation gets their own: homeScopeOf refuses, and the query holds to it anyway.
    expect(homeScopeOf(actorOf(viewer), "all")).toBe("mine");
    expect(await expiringOf("VIEWER", viewer.id, "all")).toEqual([mine]);
    expect(await expiringOf("VIEWER", viewer.id, "mine")).toEqual([mine]);
    const admin = await createTestUser({ role: "ADMIN" });
    const auditor = await createTestUser({ role: "AUDITOR" });
    expect(homeScopeOf(actorOf(admin), "all")).toBe("all");
    expect(homeScopeOf(actorOf(auditor), "all")).toBe("all");
    expect(homeScopeOf(actorOf(admin), "nonsense")).toBe("mine");
    for (const user of [admin, auditor]) {
      const all = await findAttention(actorOf(user), "all", at(2 * DAY - 60 * MINUTE));
      const group = all.find((g) => g.bucket === "expiring_7")!;
      // Other tests' accounts share the database: ours are among the organisation's, and not among the admin's own.
      expect(group.count).toBeGreaterThanOrEqual(2);
      const listed = await findServiceAccounts(actorOf(user), findServiceAccountsSchema.parse({ attention: "expiring_7", q: mine.slice(3), pageSize: 100 }));
      expect(listed.rows.map((r) => r.name)).toEqual([mine]);
      expect(await expiringOf(user.role, user.id, "mine")).toEqual([]);
    }
    // The auditor sees the other owner's account but may not rotate it.
    const auditorRows = (await findAttention(actorOf(auditor), "all", at(2 * DAY - 60 * MINUTE))).find((g) => g.bucket === "expiring_7")!.rows;
    expect(auditorRows.every((r) => !r.canManage)).toBe(true);
    expect(theirs).not.toBe(mine);
  });
});
