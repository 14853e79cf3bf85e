// npm test: typecheck, lint, unit + integration tests on a real PostgreSQL, then Playwright against a
// production build. One embedded cluster serves the run; every suite gets a fresh database.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres, temporaryClusterDir } from "../db/embedded";
import { createTestDatabase } from "../testing/test-database";
import { projectRoot, say } from "./runtime";

const bin = (pkg: string, file: string) => path.join(projectRoot, "node_modules", pkg, file);

function step(title: string, file: string, args: string[], env: Record<string, string> = {}): void {
  say(title);
  const started = Date.now();
  const result = spawnSync(process.execPath, [file, ...args], { cwd: projectRoot, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${title} failed`);
  say(`${title}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const clusterDir = temporaryClusterDir("test");
const cluster = await startEmbeddedPostgres(clusterDir, say);
let failed: string | null = null;
try {
  step("prisma generate", bin("prisma", "build/index.js"), ["generate"], { PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true" });
  step("typecheck", bin("typescript", "bin/tsc"), ["--noEmit"]);
  step("lint", bin("eslint", "bin/eslint.js"), ["--max-warnings=0", "."]);
  step("unit and integration tests", bin("vitest", "vitest.mjs"), ["run"], { KEYHOLD_TEST_CLUSTER_URL: cluster.url() });
  step("production build", bin("next", "dist/bin/next"), ["build"], { NODE_ENV: "production" });
  const e2eDatabase = await createTestDatabase(cluster.url(), "keyhold_e2e");
  step("end-to-end tests", bin("@playwright/test", "cli.js"), ["test"], {
    E2E_DATABASE_URL: e2eDatabase,
    E2E_AUTH_SECRET: randomBytes(32).toString("base64url"),
  });
} catch (error) {
  failed = (error as Error).message;
} finally {
  await cluster.stop();
  await rm(clusterDir, { recursive: true, force: true });
}
if (failed) {
  console.error(`\n✗ npm test: ${failed}`);
  process.exit(1);
}
say("npm test: all steps passed");
