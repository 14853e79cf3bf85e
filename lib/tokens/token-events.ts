// In-process announcement that a service account's tokens or role changed (revoked, regenerated, updated,
// deleted). Caches of token lookups listen; the database triggers announce the same across instances.
type Listener = (serviceAccountId: string) => void;
const globalForEvents = globalThis as unknown as { keyholdTokenListeners?: Set<Listener> };
const listeners = (globalForEvents.keyholdTokenListeners ??= new Set());

export function onTokensChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call after the change has committed. */
export function tokensChanged(serviceAccountId: string): void {
  for (const listener of listeners) listener(serviceAccountId);
}
