// npm run bench:apply: `keyhold apply` of a file of 1,000 service accounts (each with its managed token) against the production server on a
// throwaway embedded database, then the same file again (everything unchanged). Targets: < 60 s and < 10 s.
// The instance's API rate limit is raised (KEYHOLD_API_RATE_LIMIT): the benchmark measures apply, not the limit
// (with the default 600 a minute, apply waits out the 429s, as the CLI always does).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type pg from "pg";
import { stringify } from "yaml";
import { startBenchApp } from "../bench/app-server";
import { issueToken } from "../tokens/token-format";
import { projectRoot, say } from "./runtime";

const PORT = 3398;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1000);
const OWNER = "bench-owner@bench.test";
let token = "";

const app = await startBenchApp("bench-apply", PORT, { KEYHOLD_API_RATE_LIMIT: "1000000" }, async (client) => {
  token = await seedAdminToken(client);
});
const dir = mkdtempSync(path.join(tmpdir(), "keyhold-bench-apply-"));
try {
  const file = path.join(dir, "keyhold.yaml");
  const serviceAccounts = Array.from({ length: ACCOUNTS }, (_, i) => ({
    name: `bench-${String(i).padStart(4, "0")}`,
    description: `Benchmark account ${i}`,
    owner: OWNER,
    role: (["CONTRIBUTOR", "VIEWER", "AUDITOR"] as const)[i % 3],
    // Managed tokens: the unchanged run reads every account's tokens too.
    tokens: [{ name: "default", description: "" }],
  }));
  writeFileSync(file, stringify({ serviceAccounts }));
  const first = await timedApply(file, dir);
  const second = await timedApply(file, dir);
  if (!second.output.includes(`Plan: 0 to create, 0 to update, ${ACCOUNTS} unchanged, 0 to delete.`)) throw new Error(`the second apply was not all unchanged:\n${second.output.slice(-500)}`);
  say(`apply of ${ACCOUNTS} new accounts: ${first.seconds.toFixed(1)} s (target < 60 s)`);
  say(`apply again, all unchanged:  ${second.seconds.toFixed(1)} s (target < 10 s)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await app.close();
}

async function timedApply(file: string, cwd: string): Promise<{ seconds: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(projectRoot, "cli/bin/keyhold.mjs"), "apply", "-f", file, "--secrets-out", path.join(cwd, "secrets.json")], {
    cwd,
    env: { ...process.env, KEYHOLD_URL: app.url, KEYHOLD_TOKEN: token, XDG_CONFIG_HOME: cwd },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`keyhold apply exited ${code}:\n${output.slice(-2000)}`);
  return { seconds: (performance.now() - started) / 1000, output };
}

async function seedAdminToken(db: pg.Client): Promise<string> {
  const issued = issueToken();
  const { rows } = await db.query(`INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt") VALUES ($1, 'Bench owner', 'ADMIN', 'x', now()) RETURNING id`, [OWNER]);
  const account = await db.query(`INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt") VALUES ('bench-apply', 'ADMIN', $1, now()) RETURNING id`, [rows[0].id]);
  await db.query(`INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint) VALUES ($1, $2, $3, $4)`, [issued.publicId, account.rows[0].id, issued.secretHash, issued.hint]);
  return issued.value;
}
