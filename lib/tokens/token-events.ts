// In-process announcement that a service account's tokens or role changed (revoked, regenerated, updated,
// deleted). Caches of token lookups listen; the database triggers announce the same across instances.
type Listener = (serviceAccountId: string) => void;
const globalForEvents = globalThis as unknown as { keyholdTokenListeners?: Set<Listener> };
const listeners = (globalForEvents.keyholdTokenListeners ??= new Set());

/** Announced when every cached lookup must be re-read (an owner's status or the suspension setting changed). */
export const ALL_ACCOUNTS = "*";

/**
 * The contract between a change and every instance's token cache (lib/api/token-epoch.ts): an instance answers
 * from its cache only while its last epoch read was SENT less than EPOCH_LEASE_MS ago, and a change's response
 * waits CHANGE_SETTLE_MS after its commit. Any request that arrives after the response is therefore checked
 * against an epoch read sent after the commit, which has seen the change's bump.
 */
export const EPOCH_LEASE_MS = 100;
export const CHANGE_SETTLE_MS = EPOCH_LEASE_MS + 10;

export function onTokensChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Call after the change has committed, and answer only once this resolves: this instance forgets the account's
 * lookups at once, every other instance by the time it resolves.
 */
export async function tokensChanged(serviceAccountId: string): Promise<void> {
  for (const listener of listeners) listener(serviceAccountId);
  await changesSettled();
}

/** Waits until no instance can still answer from a lookup cached before a change that has just committed. */
export const changesSettled = () => new Promise<void>((resolve) => setTimeout(resolve, CHANGE_SETTLE_MS));
