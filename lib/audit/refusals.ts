import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import type { AuditResult } from "@/lib/db/generated/enums";
import type { RequestMeta } from "@/lib/http/request-context";
import { logError } from "@/lib/log";
import { audit, type AuditParty, type AuditTarget } from "./audit";

// Refusals (401, 403, 429, refused actions, failed sign-ins) are counted in memory and audited as aggregates:
// one event per (who, reason, what, target) and window, carrying the count, the first and last time and a
// sample request id. Recording costs no I/O, so a flood of refused requests never touches the audit chain's
// lock; each window's aggregates are written when it ends. Every instance aggregates on its own: with several
// instances, a key gets at most one event per window per instance.

export type RefusalAction = "api.request_refused" | "action.refused" | "user.sign_in_failed" | "token.ip_denied" | "token.authorize_denied";

export type Refusal = {
  action: RefusalAction;
  /** Who was refused, as the key sees them: "token:<id>", "user:<id>" or "ip:<address>". */
  who: string;
  /** A stable reason: "unauthenticated", "missing_permission", "role_ceiling", "wrong_password", … */
  reason: string;
  /** What was asked, as the key sees it: a route ("GET /api/v1/whoami") or an action. */
  subject: string;
  actor: AuditParty;
  target?: AuditTarget;
  /** The HTTP status answered (counted per status: a flood turns from 401 into 429). */
  status?: number;
  result?: Extract<AuditResult, "DENIED" | "FAILURE">;
  meta: RequestMeta;
  /** Metadata of the first refusal in the window, kept as is (e.g. method and path, the action's name). */
  details?: Record<string, string | number | boolean | null>;
};

type Bucket = { first: Refusal; count: number; firstAt: number; lastAt: number; lastStatus?: number; statuses: Map<number, number>; names: Set<string> };

/** Keys per window before new ones fold into a key without the caller and target (bounded by the code's reasons and routes). */
export const MAX_REFUSAL_KEYS = 2_000;
/** Distinct actor names (e.g. submitted emails) kept per aggregate. */
const MAX_NAMES = 20;

export class RefusalAggregator {
  private buckets = new Map<string, Bucket>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly windowMs: number,
    private readonly maxKeys = MAX_REFUSAL_KEYS,
  ) {}

  /** Counts one refusal. Synchronous and without I/O: the aggregate is written when the window ends. */
  record(refusal: Refusal, now = Date.now()): void {
    let key = [refusal.action, refusal.who, refusal.reason, refusal.subject, refusal.target?.id ?? ""].join("\u0000");
    if (!this.buckets.has(key) && this.buckets.size >= this.maxKeys) {
      // Full: fold into one key per (action, reason, subject), with no caller or target, rather than grow.
      refusal = { ...refusal, who: "other", actor: { type: refusal.actor.type, name: "other callers" }, target: undefined, details: { ...refusal.details, folded: true } };
      key = [refusal.action, "other", refusal.reason, refusal.subject].join("\u0000");
    }
    const bucket = this.buckets.get(key) ?? this.open(key, refusal, now);
    bucket.count += 1;
    bucket.lastAt = now;
    if (refusal.status !== undefined) {
      bucket.lastStatus = refusal.status;
      bucket.statuses.set(refusal.status, (bucket.statuses.get(refusal.status) ?? 0) + 1);
    }
    if (refusal.actor.name && bucket.names.size < MAX_NAMES) bucket.names.add(refusal.actor.name);
    this.timer ??= setTimeout(() => void this.flush(), this.windowMs).unref();
  }

  /** Writes every open aggregate now (the timer at each window's end, shutdown and tests). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const closing = [...this.buckets.values()];
    this.buckets = new Map();
    // One write at a time, after any flush still under way, so a caller awaiting flush() sees all its refusals.
    this.writing = this.writing.then(() => this.writeAll(closing));
    return this.writing;
  }

  /** Aggregates not yet written (tests, and the benchmark's report). */
  get pending(): number {
    return this.buckets.size;
  }

  private open(key: string, refusal: Refusal, now: number): Bucket {
    const bucket: Bucket = { first: refusal, count: 0, firstAt: now, lastAt: now, statuses: new Map(), names: new Set() };
    this.buckets.set(key, bucket);
    return bucket;
  }

  private async writeAll(buckets: Bucket[]): Promise<void> {
    for (const bucket of buckets) {
      try {
        // Each aggregate in its own transaction: one failure loses one aggregate, not the window.
        await db.$transaction((tx) => audit(tx, bucket.first.meta, toEvent(bucket)));
      } catch (error) {
        logError("refusal aggregate not written", error, { action: bucket.first.action, reason: bucket.first.reason, count: bucket.count });
      }
    }
  }
}

function toEvent(bucket: Bucket) {
  const { first, count, lastStatus, statuses, names } = bucket;
  const metadata = {
    reason: first.reason,
    ...first.details,
    // The status answered last (a flood's 401s turn into 429s), and how many of each.
    ...(lastStatus === undefined ? {} : { status: lastStatus, statuses: Object.fromEntries(statuses) }),
    count,
    firstAt: new Date(bucket.firstAt).toISOString(),
    lastAt: new Date(bucket.lastAt).toISOString(),
    sampleRequestId: first.meta.requestId,
    ...(names.size > 1 ? { actorNames: [...names] } : {}),
  };
  return { action: first.action, actor: first.actor, target: first.target, result: first.result ?? "DENIED", metadata };
}

// On globalThis: Next's bundle (server actions) and the API's modules are two copies of lib/ in one process,
// and both must count into the one aggregator that the timer and shutdown flush.
const globalForRefusals = globalThis as unknown as { keyholdRefusals?: RefusalAggregator };

export function refusalAggregator(): RefusalAggregator {
  return (globalForRefusals.keyholdRefusals ??= new RefusalAggregator(env().KEYHOLD_REFUSAL_WINDOW_SECONDS * 1000));
}

export const recordRefusal = (refusal: Refusal): void => refusalAggregator().record(refusal);

/** Writes the open aggregates now: on shutdown (best effort) and in tests. */
export const flushRefusals = (): Promise<void> => refusalAggregator().flush();
