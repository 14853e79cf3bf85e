/**
 * A value now, or later. The API's hot path answers most requests without waiting for anything (a cached
 * token, points already reserved), and in a Next process every promise costs: Next runs AsyncLocalStorage, and
 * on Node 20 that puts a hook on every promise created anywhere in the process. So the request path makes a
 * promise only when it really waits (bench:api: about twice the handler's CPU otherwise). (Not named `then`:
 * a module exporting `then` is itself a thenable, and awaiting its dynamic import calls it.)
 */
export type MaybePromise<T> = T | Promise<T>;

/** `next(value)`, at once when `value` is here, after it resolves when it is a promise. */
export function andThen<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
