import pg from "pg";
import { env } from "@/lib/config/env";
import { logError } from "@/lib/log";
import { ALL_ACCOUNTS, onTokensChanged } from "@/lib/tokens/token-events";
import type { AuthenticatedToken } from "./authenticate-token";

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
const CHANNEL = "keyhold_token_changes";

/**
 * Recent token lookups, by SHA-256, so an API request needs no query once warm. Entries go when the token's
 * account changes: at once in this process (tokensChanged), and from other instances or SQL through the
 * database's notifications (see the token_change_notifications migration). While the notification
 * connection is down nothing is cached. Expiry is checked on every use, so it needs no eviction.
 */
class TokenCache {
  private entries = new Map<string, { found: AuthenticatedToken; at: number }>();
  private generation = 0;
  private listening = false;
  private connecting: Promise<void> | null = null;

  constructor() {
    onTokensChanged((id) => this.evictAccount(id));
  }

  get(secretHash: string, now = Date.now()): AuthenticatedToken | undefined {
    if (!this.listening) void this.listen();
    const entry = this.entries.get(secretHash);
    if (!entry) return undefined;
    if (now - entry.at > TTL_MS) {
      this.entries.delete(secretHash);
      return undefined;
    }
    return entry.found;
  }

  /** A lookup reads the generation before its query; a change in between means its answer may be stale. */
  currentGeneration(): number {
    return this.generation;
  }

  set(secretHash: string, found: AuthenticatedToken, generationAtRead: number): void {
    if (!this.listening || generationAtRead !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(secretHash, { found, at: Date.now() });
  }

  evictAccount(serviceAccountId: string): void {
    if (serviceAccountId === ALL_ACCOUNTS) return this.clear();
    this.generation += 1;
    for (const [key, entry] of this.entries) if (entry.found.actor.id === serviceAccountId) this.entries.delete(key);
  }

  private clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private listen(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: env().DATABASE_URL });
      let gone = false;
      const lost = (error?: unknown) => {
        if (gone) return;
        gone = true;
        if (error) logError("token cache: notification connection lost", error);
        this.listening = false;
        this.connecting = null;
        this.clear();
        void client.end().catch(() => {});
      };
      try {
        client.on("notification", (message) => message.payload && this.evictAccount(message.payload));
        client.on("error", lost);
        client.on("end", () => lost());
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        this.listening = true;
      } catch (error) {
        lost(error);
      }
    })();
    return this.connecting;
  }
}

const globalForCache = globalThis as unknown as { keyholdTokenCache?: TokenCache };
export const tokenCache = () => (globalForCache.keyholdTokenCache ??= new TokenCache());
