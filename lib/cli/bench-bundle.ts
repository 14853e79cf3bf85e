// npm run bench:bundle: the first-load JavaScript of every console page, gzipped, from the production build.
// Runs `next build` first (`--no-build`: read the build that is there). Next 16 records, per route, the client
// chunks a first visit loads (the page's and its layouts' entry chunks plus the root main files) in
// <distDir>/diagnostics/route-bundle-stats.json (next/dist/build/route-bundle-stats.js, written by Turbopack and
// webpack builds alike); each chunk is gzipped here (level 9) and summed per route. Exits 1 when a budgeted
// route is over its budget (issue 12: / and /admin/api-tokens under 200 kB gzip; kB = 1,000 bytes).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot } from "./runtime";

const BUDGETS: Record<string, number> = { "/": 200_000, "/admin/api-tokens": 200_000 };
const distDir = path.join(projectRoot, process.env.NEXT_DIST_DIR || ".next");
const statsFile = path.join(distDir, "diagnostics", "route-bundle-stats.json");

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

if (!process.argv.includes("--no-build")) {
  const build = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/next/dist/bin/next"), "build"], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(statsFile)) {
  console.error(`${path.relative(projectRoot, statsFile)} is missing: run next build (Next ≥ 16.2 writes it).`);
  process.exit(1);
}

const gzipped = new Map<string, number>();
const gzipSize = (file: string) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(projectRoot, file)), { level: 9 }).length);
  return gzipped.get(file)!;
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const stats = (JSON.parse(readFileSync(statsFile, "utf8")) as RouteStats[]).filter((r) => !r.route.startsWith("/_"));
const rows = stats
  .map((r) => ({ route: r.route, chunks: r.firstLoadChunkPaths, raw: r.firstLoadUncompressedJsBytes, gzip: r.firstLoadChunkPaths.reduce((sum, f) => sum + gzipSize(f), 0) }))
  .sort((a, b) => a.route.localeCompare(b.route));

const width = Math.max(...rows.map((r) => r.route.length), "route".length);
console.log(`\nFirst-load JavaScript per route (${path.relative(projectRoot, statsFile)}, gzip -9)\n`);
console.log(`${"route".padEnd(width)}  chunks  ${"raw".padStart(9)}  ${"gzip".padStart(9)}  budget`);
let failed = false;
for (const row of rows) {
  const budget = BUDGETS[row.route];
  const verdict = budget === undefined ? "" : row.gzip < budget ? `< ${kB(budget)} ok` : `OVER ${kB(budget)}`;
  if (budget !== undefined && row.gzip >= budget) failed = true;
  console.log(`${row.route.padEnd(width)}  ${String(row.chunks.length).padStart(6)}  ${kB(row.raw).padStart(9)}  ${kB(row.gzip).padStart(9)}  ${verdict}`);
}
for (const route of Object.keys(BUDGETS).filter((route) => !rows.some((r) => r.route === route))) {
  console.log(`${route}: not in the build`);
  failed = true;
}
for (const row of rows.filter((r) => BUDGETS[r.route] !== undefined && r.gzip >= BUDGETS[r.route]!)) {
  console.log(`\nLargest chunks of ${row.route}:`);
  for (const file of [...row.chunks].sort((a, b) => gzipSize(b) - gzipSize(a)).slice(0, 6)) console.log(`  ${kB(gzipSize(file)).padStart(9)}  ${file}`);
}
console.log(failed ? "\nOver budget." : "\nWithin budget.");
process.exit(failed ? 1 : 0);
