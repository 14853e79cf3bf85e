import { env } from "@/lib/config/env";
import { ALL_ACCOUNTS, onTokensChanged } from "@/lib/tokens/token-events";
import type { AuthenticatedToken } from "./authenticate-token";
import { TokenEpochWatcher } from "./token-epoch";

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

type Entry = { found: AuthenticatedToken; epoch: string; at: number };
export type CacheLookup = { cached: AuthenticatedToken | undefined; epoch: string | null };

/**
 * Recent token lookups, by SHA-256, so a warm API request needs no query at all. An entry is used only if it
 * was stored at the epoch the instance's epoch watcher vouches for now (token-epoch.ts: read every 20 ms,
 * vouching for 100 ms after the read was sent). Every change that can end a token's access bumps the epoch in
 * its own transaction and answers only after the lease (lib/tokens/token-events.ts), so no instance serves a
 * lookup older than a change whose response has returned. Nothing comes from the cache while the watcher
 * cannot vouch; notifications and in-process changes evict sooner. Expiry is checked on every use; the TTL only
 * bounds memory.
 */
export class TokenCache {
  private entries = new Map<string, Entry>();
  readonly watcher: TokenEpochWatcher;

  constructor(connectionString: () => string = () => env().DATABASE_URL, options?: ConstructorParameters<typeof TokenEpochWatcher>[2]) {
    this.watcher = new TokenEpochWatcher(connectionString, { flush: () => this.entries.clear(), changed: (id) => this.evictAccount(id) }, options);
  }

  /** The cached lookup when it is current, and the epoch to store a fresh lookup at (null: do not store). */
  get(secretHash: string, now = Date.now()): CacheLookup {
    const epoch = this.watcher.current();
    const entry = this.entries.get(secretHash);
    if (!entry || epoch === null) return { cached: undefined, epoch };
    if (entry.epoch !== epoch || now - entry.at > TTL_MS) {
      this.entries.delete(secretHash);
      return { cached: undefined, epoch };
    }
    return { cached: entry.found, epoch };
  }

  /** `epoch` must have been current before the lookup that found `found` began. */
  set(secretHash: string, found: AuthenticatedToken, epoch: string): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(secretHash, { found, epoch, at: Date.now() });
  }

  evictAccount(serviceAccountId: string): void {
    if (serviceAccountId === ALL_ACCOUNTS) return this.entries.clear();
    for (const [key, entry] of this.entries) if (entry.found.actor.id === serviceAccountId) this.entries.delete(key);
  }
}

const globalForCache = globalThis as unknown as { keyholdTokenCache?: TokenCache };
export const tokenCache = () => {
  if (globalForCache.keyholdTokenCache) return globalForCache.keyholdTokenCache;
  const cache = (globalForCache.keyholdTokenCache = new TokenCache());
  onTokensChanged((id) => cache.evictAccount(id));
  return cache;
};
