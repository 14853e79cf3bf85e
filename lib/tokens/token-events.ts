// In-process announcement that a service account's tokens or role changed (revoked, regenerated, updated,
// deleted). Caches of token lookups listen; the database triggers announce the same across instances.
type Listener = (serviceAccountId: string) => void;
const globalForEvents = globalThis as unknown as { keyholdTokenListeners?: Set<Listener> };
const listeners = (globalForEvents.keyholdTokenListeners ??= new Set());

/** Announced when every cached lookup must be re-read (an owner's status or the suspension setting changed). */
export const ALL_ACCOUNTS = "*";

export function onTokensChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call after the change has committed. */
export function tokensChanged(serviceAccountId: string): void {
  for (const listener of listeners) listener(serviceAccountId);
}
