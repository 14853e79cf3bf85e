import { performance } from "node:perf_hooks";

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns p50/p95 in milliseconds. */
export async function measure(fn: () => Promise<unknown>, { runs = 200, warmup = 20 } = {}) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs };
}

export function report(rows: { name: string; p50: number; p95: number; target?: number }[]) {
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const verdict = row.target === undefined ? "" : row.p95 < row.target ? `  ok (< ${row.target} ms)` : `  OVER TARGET (${row.target} ms)`;
    console.log(`${row.name.padEnd(width)}  p50 ${row.p50.toFixed(2).padStart(7)} ms   p95 ${row.p95.toFixed(2).padStart(7)} ms${verdict}`);
  }
}
