import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";
import { createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
import { changesSettled, EPOCH_LEASE_MS } from "@/lib/tokens/token-events";
import { hashToken } from "@/lib/tokens/token-format";
import { authenticateToken } from "./authenticate-token";
import { TokenCache } from "./token-cache";
import { TokenEpochWatcher } from "./token-epoch";

// Each TokenCache here stands for another instance: its own epoch connection, and none of this process's
// in-process change announcements, so only the database can tell it about a change.
const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});
function otherInstance(url = () => process.env.DATABASE_URL!) {
  const cache = new TokenCache(url);
  opened.push(cache.watcher);
  return cache;
}
/** A change made straight in the database, answered the way every change is: once it has settled. */
const settled = async <T>(change: Promise<T>) => {
  await change;
  await changesSettled();
};
const revokeBySql = (tokenId: string) => settled(db.$executeRaw`UPDATE "ApiToken" SET "revokedAt" = now() WHERE id = ${tokenId}::uuid`);
/** Authenticates until the lookup is cached (the first requests open the epoch connection). */
const warm = async (value: string, cache: TokenCache) => {
  for (let i = 0; i < 100 && !cache.get(hashToken(value)).cached; i++) {
    expect(await authenticateToken(value, Date.now(), cache)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(cache.get(hashToken(value)).cached).toBeDefined();
};

describe("token cache across instances", () => {
  it("serves warm lookups from memory, and refuses a token on the very next request after its revocation commits", async () => {
    const owner = await createTestUser();
    const cache = otherInstance();
    for (let trial = 0; trial < 20; trial++) {
      const { token, value } = await createTestServiceAccount(owner.id);
      await warm(value, cache);
      await revokeBySql(token.id);
      expect(await authenticateToken(value, Date.now(), cache)).toBeNull();
    }
  });

  it("a role change or an owner's suspension is seen on the next request", async () => {
    const owner = await createTestUser();
    const cache = otherInstance();
    const { account, value } = await createTestServiceAccount(owner.id, { role: "VIEWER" });
    await warm(value, cache);
    await settled(db.serviceAccount.update({ where: { id: account.id }, data: { role: "ADMIN" } }));
    expect((await authenticateToken(value, Date.now(), cache))?.actor.role).toBe("ADMIN");
    // Suspension depends on the owner's status (and a setting): a status change drops every cached lookup.
    await warm(value, cache);
    await settled(db.user.update({ where: { id: owner.id }, data: { status: "DISABLED" } }));
    expect(cache.get(hashToken(value)).cached).toBeUndefined();
  });

  describe("when the epoch connection is silently lost", () => {
    let proxy: TcpProxy;
    afterEach(() => proxy.close());

    it("stops vouching for its cache within the lease, refuses a revoked token at once, then reconnects and caches again", async () => {
      proxy = await startTcpProxy(process.env.DATABASE_URL!);
      const cache = otherInstance(() => proxy.url);
      const owner = await createTestUser();
      const { token, value } = await createTestServiceAccount(owner.id);
      await warm(value, cache);

      proxy.blackHole(true);
      await new Promise((r) => setTimeout(r, EPOCH_LEASE_MS + 20));
      expect(cache.get(hashToken(value))).toEqual({ cached: undefined, epoch: null }); // no change needed: silence is enough
      await revokeBySql(token.id);
      expect(await authenticateToken(value, Date.now(), cache)).toBeNull();

      proxy.blackHole(false); // new connections get through again; the frozen one stays dead
      const other = await createTestServiceAccount(owner.id);
      await warm(other.value, cache);
      expect(await authenticateToken(value, Date.now(), cache)).toBeNull();
    });

    it("an idle instance counts a frozen link as lost after the read timeout, flushes, and recovers when the link does", async () => {
      proxy = await startTcpProxy(process.env.DATABASE_URL!);
      let flushes = 0;
      const watcher = new TokenEpochWatcher(() => proxy.url, { flush: () => flushes++, changed: () => {} }, { pollMs: 20, leaseMs: 100, timeoutMs: 400 });
      opened.push(watcher);
      const vouched = async () => {
        for (let i = 0; i < 200 && watcher.current() === null; i++) await new Promise((r) => setTimeout(r, 20));
        return watcher.current();
      };
      expect(await vouched()).toMatch(/^\d+$/);
      proxy.blackHole(true);
      const before = flushes;
      await new Promise((r) => setTimeout(r, 150));
      expect(watcher.current()).toBeNull(); // nothing may be served from a cache now
      await new Promise((r) => setTimeout(r, 550)); // no request meanwhile: only its own reads can notice
      expect(flushes).toBeGreaterThan(before);
      proxy.blackHole(false);
      expect(await vouched()).toMatch(/^\d+$/);
    });
  });
});
