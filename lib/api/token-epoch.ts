import pg from "pg";
import { logError } from "@/lib/log";

const CHANNEL = "keyhold_token_changes";
/** Epoch reads in flight at once: a read slowed down (the database busy) does not hold up the next batch. */
const READERS = 3;
/** A named (prepared) statement: parsed and planned once per connection. */
const READ_EPOCH = { name: "keyhold_read_token_epoch", text: `SELECT "value"::text AS value FROM "TokenEpoch" WHERE "id" = 1` };

export type EpochEvents = {
  /** Every cached lookup must go: the connection was (re)made or lost, or the epoch moved. */
  flush: () => void;
  /** A notification on keyhold_token_changes: one account's id, or "*". */
  changed: (serviceAccountId: string) => void;
};

/**
 * Per instance: a connection that LISTENs on keyhold_token_changes, and up to READERS connections that read the
 * token epoch (the row the token_epoch migration's triggers bump in the same transaction as every change that
 * can end a token's access).
 *
 * fresh() answers with the epoch read by a query SENT AFTER the call: a request that starts after a revocation's
 * response therefore sees the revocation's bump, and no lookup cached before it is used. Callers arriving while
 * no reader is free share the next read (single flight), so under load one query serves many requests. The
 * LISTEN connection answers a heartbeat every heartbeatMs (TCP keepalive alone notices a silently dead peer
 * only after many seconds); a heartbeat or read that takes longer than timeoutMs counts as a lost connection:
 * the cache is flushed and nothing is cached until a new connection is made (which flushes again).
 */
export class TokenEpochWatcher {
  private client: pg.Client | null = null;
  private readers: pg.Pool | null = null;
  private connecting: Promise<void> | null = null;
  private inFlight = 0;
  private open: { promise: Promise<string | null>; resolve: (epoch: string | null) => void } | null = null;
  private lastEpoch: string | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private beating = false;

  constructor(
    private readonly connectionString: () => string,
    private readonly events: EpochEvents,
    private readonly options = { heartbeatMs: 250, timeoutMs: 1000 },
  ) {}

  /** The current epoch, read after this call; null while not connected (then nothing may come from a cache). */
  fresh(): Promise<string | null> {
    if (!this.client) {
      void this.connect();
      return Promise.resolve(null);
    }
    if (this.open) return this.open.promise;
    let resolve!: (epoch: string | null) => void;
    const batch = (this.open = { promise: new Promise<string | null>((r) => (resolve = r)), resolve });
    this.dispatch();
    return batch.promise;
  }

  /** Sends the open batch's read when a reader is free; callers arriving meanwhile join that batch. */
  private dispatch(): void {
    const batch = this.open;
    if (!batch || this.inFlight >= READERS) return;
    this.open = null;
    this.inFlight += 1;
    void this.read().then((epoch) => {
      this.inFlight -= 1;
      batch.resolve(epoch);
      this.dispatch();
    });
  }

  /** Closes the connection (tests; the server's connection lives as long as the process). */
  async close(): Promise<void> {
    const client = this.client;
    this.lost(client);
    await client?.end().catch(() => {});
  }

  private async read(): Promise<string | null> {
    const { client, readers } = this;
    if (!client || !readers) return null;
    try {
      const result = await this.withinTimeout(readers.query<{ value: string }>(READ_EPOCH), "the token epoch was not read");
      const epoch = result.rows[0]?.value ?? null;
      if (this.client !== client) return null; // lost while reading
      if (epoch !== this.lastEpoch) this.events.flush();
      this.lastEpoch = epoch;
      return epoch;
    } catch (error) {
      this.lost(client, error);
      return null;
    }
  }

  /** The LISTEN connection's own heartbeat: a link that stopped answering is as good as lost. */
  private async beat(client: pg.Client): Promise<void> {
    if (this.beating) return; // the one still waiting times out by itself
    this.beating = true;
    await this.withinTimeout(client.query("SELECT 1"), "the notification connection did not answer its heartbeat").catch((error) => this.lost(client, error));
    this.beating = false;
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
        this.readers = new pg.Pool({ ...this.connectionOptions(), max: READERS });
        this.readers.on("error", (error) => this.lost(client, error));
        this.client = client;
        this.heartbeat = setInterval(() => void this.beat(client), this.options.heartbeatMs).unref();
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
    void this.readers?.end().catch(() => {}); // a reader stuck on a dead link is left to TCP keepalive
    this.readers = null;
    this.lastEpoch = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
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
