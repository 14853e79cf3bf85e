import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";
import { createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
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
const revokeBySql = (tokenId: string) => db.$executeRaw`UPDATE "ApiToken" SET "revokedAt" = now() WHERE id = ${tokenId}::uuid`;
/** Authenticates until the lookup is cached (the first requests open the epoch connection). */
const warm = async (value: string, cache: TokenCache) => {
  for (let i = 0; i < 100 && !(await cache.get(hashToken(value))).cached; i++) {
    expect(await authenticateToken(value, Date.now(), cache)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 10));
  }
  expect((await cache.get(hashToken(value))).cached).toBeDefined();
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
    await db.serviceAccount.update({ where: { id: account.id }, data: { role: "ADMIN" } });
    expect((await authenticateToken(value, Date.now(), cache))?.actor.role).toBe("ADMIN");
    // Suspension depends on the owner's status (and a setting): a status change drops every cached lookup.
    await warm(value, cache);
    await db.user.update({ where: { id: owner.id }, data: { status: "DISABLED" } });
    expect((await cache.get(hashToken(value))).cached).toBeUndefined();
  });

  describe("when the epoch connection is silently lost", () => {
    let proxy: TcpProxy;
    afterEach(() => proxy.close());

    it("refuses a revoked token at once (the request waits at most the 1 s read timeout), then reconnects and caches again", async () => {
      proxy = await startTcpProxy(process.env.DATABASE_URL!);
      const cache = otherInstance(() => proxy.url);
      const owner = await createTestUser();
      const { token, value } = await createTestServiceAccount(owner.id);
      await warm(value, cache);

      proxy.blackHole(true);
      await revokeBySql(token.id);
      const started = Date.now();
      expect(await authenticateToken(value, Date.now(), cache)).toBeNull();
      expect(Date.now() - started).toBeLessThan(1500);

      proxy.blackHole(false); // new connections get through again; the frozen one stays dead
      const other = await createTestServiceAccount(owner.id);
      await warm(other.value, cache);
      expect(await authenticateToken(value, Date.now(), cache)).toBeNull();
    });

    it("an idle instance notices within about a second by its heartbeat, flushes, and recovers when the link does", async () => {
      proxy = await startTcpProxy(process.env.DATABASE_URL!);
      let flushes = 0;
      const watcher = new TokenEpochWatcher(() => proxy.url, { flush: () => flushes++, changed: () => {} }, { heartbeatMs: 100, timeoutMs: 400 });
      opened.push(watcher);
      for (let i = 0; i < 50 && (await watcher.fresh()) === null; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await watcher.fresh()).toMatch(/^\d+$/);
      proxy.blackHole(true);
      const before = flushes;
      await new Promise((r) => setTimeout(r, 700)); // no request meanwhile: only the heartbeat can notice
      expect(flushes).toBeGreaterThan(before);
      expect(await watcher.fresh()).toBeNull(); // nothing may be served from a cache now
      proxy.blackHole(false);
      let epoch: string | null = null;
      for (let i = 0; i < 200 && epoch === null; i++) epoch = await watcher.fresh().then((e) => e ?? new Promise((r) => setTimeout(() => r(null), 20)));
      expect(epoch).toMatch(/^\d+$/);
    });
  });
});
