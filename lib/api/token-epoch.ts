import { performance } from "node:perf_hooks";
import pg from "pg";
import { logError } from "@/lib/log";
import { EPOCH_LEASE_MS } from "@/lib/tokens/token-events";

const CHANNEL = "keyhold_token_changes";
/** A named (prepared) statement: parsed and planned once per connection. */
const READ_EPOCH = { name: "keyhold_read_token_epoch", text: `SELECT "value"::text AS value FROM "TokenEpoch" WHERE "id" = 1` };

export type EpochEvents = {
  /** Every cached lookup must go: the connection was (re)made or lost, or the epoch moved. */
  flush: () => void;
  /** A notification on keyhold_token_changes: one account's id, or "*". */
  changed: (serviceAccountId: string) => void;
};

export type EpochOptions = {
  /** How often the epoch is read. */
  pollMs: number;
  /** How long after it was sent a read vouches for the cache (lib/tokens/token-events.ts: the changes' side of it). */
  leaseMs: number;
  /** A read that takes longer counts as a lost connection. */
  timeoutMs: number;
};

/**
 * Per instance: one connection that LISTENs on keyhold_token_changes and reads the token epoch (the row the
 * token_epoch migration's triggers bump in the same transaction as every change that can end a token's access)
 * every pollMs. The request path asks current(), which reads no database: it answers the epoch of the last read
 * only while that read was SENT less than leaseMs ago, and null otherwise (then nothing may come from a cache).
 *
 * Why that is enough: a change answers CHANGE_SETTLE_MS (> leaseMs) after its commit (token-events.ts), so a
 * request that arrives after the answer is checked against a read sent after the commit, which saw the bump;
 * and a lookup cached at an older epoch no longer matches. A connection that is slow, frozen or silently dead
 * stops vouching after leaseMs by itself; after timeoutMs it counts as lost (cache flushed, reconnected, and
 * the reconnection flushes again). The reads double as the connection's heartbeat; TCP keepalive backs them.
 */
export class TokenEpochWatcher {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private lastEpoch: string | null = null;
  /** When the read that returned lastEpoch was sent (performance.now()). */
  private lastSentAt = -Infinity;
  private poll: NodeJS.Timeout | null = null;
  /** The connection whose read is in flight, if any. */
  private reading: pg.Client | null = null;

  constructor(
    private readonly connectionString: () => string,
    private readonly events: EpochEvents,
    private readonly options: EpochOptions = { pollMs: 20, leaseMs: EPOCH_LEASE_MS, timeoutMs: 1000 },
  ) {}

  /** The epoch a cached lookup must have been read at to be used now; null: use no cached lookup. */
  current(now = performance.now()): string | null {
    if (!this.client) {
      void this.connect();
      return null;
    }
    return now - this.lastSentAt < this.options.leaseMs ? this.lastEpoch : null;
  }

  /** Closes the connection (tests; the server's connection lives as long as the process). */
  async close(): Promise<void> {
    const client = this.client;
    this.lost(client);
    await client?.end().catch(() => {});
  }

  private async read(client: pg.Client): Promise<void> {
    if (this.reading === client) return; // the one still waiting times out by itself
    this.reading = client;
    const sentAt = performance.now();
    try {
      const result = await this.withinTimeout(client.query<{ value: string }>(READ_EPOCH), "the token epoch was not read");
      const epoch = result.rows[0]?.value ?? null;
      if (this.client !== client) return; // lost while reading
      if (epoch !== this.lastEpoch) this.events.flush();
      this.lastEpoch = epoch;
      this.lastSentAt = sentAt;
    } catch (error) {
      this.lost(client, error);
    } finally {
      if (this.reading === client) this.reading = null;
    }
  }

  private async withinTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${this.options.timeoutMs} ms`)), this.options.timeoutMs)));
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private connect(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new pg.Client(this.connectionOptions());
      try {
        client.on("notification", (message) => message.payload && this.events.changed(message.payload));
        client.on("error", (error) => this.lost(client, error));
        client.on("end", () => this.lost(client));
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        this.lastEpoch = null; // the first read flushes: nothing cached survives a reconnection
        this.lastSentAt = -Infinity;
        this.client = client;
        this.poll = setInterval(() => void this.read(client), this.options.pollMs).unref();
        await this.read(client);
      } catch (error) {
        this.lost(client, error);
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  /** Keepalive probes from 1 s idle; a connection attempt that hangs (the link is down) gives up and is retried. */
  private connectionOptions() {
    return { connectionString: this.connectionString(), keepAlive: true, keepAliveInitialDelayMillis: 1000, connectionTimeoutMillis: 5 * this.options.timeoutMs };
  }

  private lost(client: pg.Client | null, error?: unknown): void {
    if (!client || this.client !== client) {
      if (client && !this.client) destroy(client);
      return;
    }
    if (error) logError("token cache: epoch connection lost", error);
    this.client = null;
    this.lastEpoch = null;
    this.lastSentAt = -Infinity;
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
    this.events.flush();
    destroy(client);
  }
}

/** end() waits for the server's goodbye, which never comes over a silently dead link: close the socket itself. */
function destroy(client: pg.Client): void {
  const socket = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
  socket?.destroy();
  void client.end().catch(() => {});
}
