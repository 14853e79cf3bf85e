// One JSON line per event on stderr. Never pass a secret (password, token) in `fields`.
export function logError(message: string, error: unknown, fields: Record<string, unknown> = {}) {
  const detail = error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message, ...fields, ...detail }));
}

export function logInfo(message: string, fields: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level: "info", time: new Date().toISOString(), message, ...fields }));
}

export const REPEAT_INTERVAL_MS = 10_000;

type Repeats = { count: number; fields: Record<string, unknown>; error: unknown };
// On globalThis: Next's bundle and the API's modules share one process (lib/server/server.ts) and one count.
const state = globalThis as unknown as { keyholdRepeats?: Map<string, Repeats> };

/**
 * For errors that come in floods (the database down: every request fails alike): the first is logged at once,
 * the repeats of the same message and error are counted and logged as one line with `repeated: n` at the end
 * of each interval in which they occurred. `fields` of the last repeat (a request id) go with that line.
 */
export function logRepeatedError(message: string, error: unknown, fields: Record<string, unknown> = {}) {
  const repeats = (state.keyholdRepeats ??= new Map());
  const key = `${message}\u0000${error instanceof Error ? error.message : String(error)}`;
  const seen = repeats.get(key);
  if (seen) {
    Object.assign(seen, { count: seen.count + 1, fields, error });
    return;
  }
  logError(message, error, fields);
  repeats.set(key, { count: 0, fields, error });
  const flush = () => {
    const entry = repeats.get(key)!;
    if (entry.count === 0) return void repeats.delete(key);
    logError(message, entry.error, { ...entry.fields, repeated: entry.count, intervalSeconds: REPEAT_INTERVAL_MS / 1000 });
    entry.count = 0;
    setTimeout(flush, REPEAT_INTERVAL_MS).unref();
  };
  setTimeout(flush, REPEAT_INTERVAL_MS).unref();
}
