import pg from "pg";
import { logError } from "@/lib/log";

const CHANNEL = "keyhold_token_changes";
const READ_EPOCH = `SELECT "value"::text AS value FROM "TokenEpoch" WHERE "id" = 1`;

export type EpochEvents = {
  /** Every cached lookup must go: the connection was (re)made or lost, or the epoch moved. */
  flush: () => void;
  /** A notification on keyhold_token_changes: one account's id, or "*". */
  changed: (serviceAccountId: string) => void;
};

/**
 * One connection per instance that reads the token epoch (the row the token_epoch migration's triggers bump in
 * the same transaction as every change that can end a token's access) and LISTENs on keyhold_token_changes.
 *
 * fresh() answers with the epoch read by a query SENT AFTER the call: a request that starts after a revocation's
 * response therefore sees the revocation's bump, and its cached lookups read before it are not used. Callers
 * that arrive while a read is in flight share the next one (single flight), so under load one query serves
 * many requests. A read (or an idle heartbeat every HEARTBEAT_MS) that takes longer than timeoutMs ends the
 * connection as if it had dropped: TCP keepalive alone notices a silently dead peer only after many seconds.
 */
export class TokenEpochWatcher {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();
  private next: Promise<string | null> | null = null;
  private lastEpoch: string | null = null;
  private lastReadAt = 0;
  private heartbeat: NodeJS.Timeout | null = null;

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
    this.next ??= this.inFlight.then(() => {
      this.next = null;
      const read = this.read();
      this.inFlight = read;
      return read;
    });
    return this.next;
  }

  /** Closes the connection (tests; the server's connection lives as long as the process). */
  async close(): Promise<void> {
    const client = this.client;
    this.lost(client);
    await client?.end().catch(() => {});
  }

  private async read(): Promise<string | null> {
    const client = this.client;
    if (!client) return null;
    this.lastReadAt = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), this.options.timeoutMs)));
    try {
      const result = await Promise.race([client.query<{ value: string }>(READ_EPOCH), timeout]);
      if (result === "timeout") throw new Error(`the token epoch was not read within ${this.options.timeoutMs} ms`);
      const epoch = result.rows[0]?.value ?? null;
      if (this.client !== client) return null; // lost while reading
      if (epoch !== this.lastEpoch) this.events.flush();
      this.lastEpoch = epoch;
      return epoch;
    } catch (error) {
      this.lost(client, error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private connect(): Promise<void> {
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString(), keepAlive: true, keepAliveInitialDelayMillis: 1000 });
      try {
        client.on("notification", (message) => message.payload && this.events.changed(message.payload));
        client.on("error", (error) => this.lost(client, error));
        client.on("end", () => this.lost(client));
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        this.lastEpoch = null; // the first read flushes: nothing cached survives a reconnection
        this.client = client;
        this.heartbeat = setInterval(() => {
          if (Date.now() - this.lastReadAt >= this.options.heartbeatMs) void this.fresh();
        }, this.options.heartbeatMs).unref();
      } catch (error) {
        this.lost(client, error);
      } finally {
        this.connecting = null;
      }
    })();
    return this.connecting;
  }

  private lost(client: pg.Client | null, error?: unknown): void {
    if (!client || this.client !== client) {
      if (client && !this.client) destroy(client);
      return;
    }
    if (error) logError("token cache: epoch connection lost", error);
    this.client = null;
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
