// Database faults through two real server processes (issue 10 §3), on a cluster of their own so the rest of
// the suite is not hurt: overload, PostgreSQL frozen (SIGSTOP), stopped, and back.
import { performance } from "node:perf_hooks";
import { expect, test } from "@playwright/test";
import pg from "pg";
import config from "../../playwright.config";
import { startAppInstances, type AppInstances } from "../../lib/testing/app-instances";
import { startFaultyCluster, type FaultyCluster } from "../../lib/testing/postgres-faults";
import { createTestDatabase } from "../../lib/testing/test-database";
import { hashPassword } from "../../lib/auth/password";
import { issueToken } from "../../lib/tokens/token-format";
import { signIn } from "../support/fixtures";

const TIMEOUT_MS = 2_000; // KEYHOLD_DB_TIMEOUT_MS of these instances
const SLACK_MS = 1_500;
const ACCOUNTS = 200;
const ADMIN = { email: "faults@e2e.test", password: "faults-e2e-password-1" };

let cluster: FaultyCluster;
let app: AppInstances;
let token = "";
const accounts: string[] = [];

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startFaultyCluster("e2e-faults");
  const databaseUrl = await createTestDatabase(cluster.url(), "keyhold_faults");
  await seed(databaseUrl);
  const { env } = config.webServer as { env: Record<string, string> };
  app = await startAppInstances(2, { ...env, DATABASE_URL: databaseUrl, KEYHOLD_DB_TIMEOUT_MS: String(TIMEOUT_MS), KEYHOLD_API_RATE_LIMIT: "100000" });
});
test.afterAll(async () => {
  await app?.stop();
  await cluster?.close();
});

const get = async (url: string, auth = true) => {
  const started = performance.now();
  const response = await fetch(url, { headers: auth ? { authorization: `Bearer ${token}` } : {} });
  const body = (await response.json()) as { error?: { code: string }; status?: string; reason?: string };
  return { status: response.status, body, retryAfter: response.headers.get("retry-after"), ms: performance.now() - started };
};

/** Every instance's answers while the database is down: 503 within the bound, alive, not ready. */
async function expectUnavailable(reason: string) {
  for (const url of app.urls) {
    const list = await get(`${url}/api/v1/service-accounts?limit=1`);
    expect(list, `${url}: ${reason}`).toMatchObject({ status: 503, body: { error: { code: "unavailable" } }, retryAfter: "5" });
    expect(list.ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    expect(await get(`${url}/api/health`, false)).toMatchObject({ status: 200, body: { status: "ok" } });
    // The readiness answer is reused for a second (a probe flood costs one query a second).
    await expect.poll(async () => (await get(`${url}/api/health/ready`, false)).status, { timeout: 1_000 + TIMEOUT_MS + SLACK_MS }).toBe(503);
    const ready = await get(`${url}/api/health/ready`, false);
    expect(ready).toMatchObject({ status: 503, body: { status: "unavailable", reason: "database_unreachable" }, retryAfter: "5" });
    expect(ready.ms).toBeLessThan(TIMEOUT_MS + SLACK_MS);
  }
}

/** Both instances serve again by themselves once PostgreSQL is back. */
async function expectRecovered() {
  for (const url of app.urls) {
    await expect.poll(async () => (await get(`${url}/api/v1/service-accounts?limit=1`)).status, { timeout: 20_000 }).toBe(200);
    await expect.poll(async () => (await get(`${url}/api/health/ready`, false)).status, { timeout: 5_000 }).toBe(200);
  }
}

test("200 parallel regenerations answer 201 or 503 unavailable with Retry-After, never 500", async () => {
  const answers = await Promise.all(
    accounts.map(async (id, i) => {
      const response = await fetch(`${app.urls[i % 2]}/api/v1/service-accounts/${id}/tokens`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ previousTokenExpiresAt: null }),
      });
      const body = (await response.json()) as { error?: { code: string } };
      return { status: response.status, code: body.error?.code, retryAfter: response.headers.get("retry-after") };
    }),
  );
  for (const answer of answers) {
    if (answer.status === 201) continue;
    expect(answer).toEqual({ status: 503, code: "unavailable", retryAfter: "5" });
  }
  const created = answers.filter((a) => a.status === 201).length;
  test.info().annotations.push({ type: "answers", description: `${created} × 201, ${answers.length - created} × 503` });
  expect(created).toBeGreaterThan(0);
});

test("PostgreSQL frozen: 503 within the bound, /api/health 200, /api/health/ready 503; then recovery", async () => {
  for (const url of app.urls) expect((await get(`${url}/api/health/ready`, false)).status).toBe(200);
  const resume = cluster.freeze();
  try {
    await expectUnavailable("frozen");
  } finally {
    resume();
  }
  await expectRecovered();
});

test("PostgreSQL stopped: the same answers, a friendly console page; both instances recover when it is started again", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: app.urls[0] });
  const page = await context.newPage();
  await signIn(page, ADMIN);
  await cluster.stop();
  try {
    await expectUnavailable("stopped");
    await page.goto("/admin/api-tokens");
    await expect(page.getByRole("heading", { name: "Keyhold could not load this page" })).toBeVisible();
  } finally {
    await cluster.restart();
  }
  await expectRecovered();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "API Tokens" })).toBeVisible();
  await context.close();
});

/** An ADMIN user with an ADMIN service account and its token, and the accounts the regenerations act on. */
async function seed(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const issued = issueToken();
    const user = await client.query(`INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt") VALUES ($1, 'Faults', 'ADMIN', $2, now()) RETURNING id`, [
      ADMIN.email,
      await hashPassword(ADMIN.password),
    ]);
    const owner = user.rows[0].id as string;
    const admin = await client.query(`INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt") VALUES ('faults-admin', 'ADMIN', $1, now()) RETURNING id`, [owner]);
    await client.query(`INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint) VALUES ($1, $2, $3, $4)`, [issued.publicId, admin.rows[0].id, issued.secretHash, issued.hint]);
    token = issued.value;
    for (let i = 0; i < ACCOUNTS; i++) {
      const account = await client.query(`INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt") VALUES ($1, 'VIEWER', $2, now()) RETURNING id`, [`faults-${i}`, owner]);
      const first = issueToken();
      await client.query(`INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint) VALUES ($1, $2, $3, $4)`, [first.publicId, account.rows[0].id, first.secretHash, first.hint]);
      accounts.push(account.rows[0].id as string);
    }
  } finally {
    await client.end();
  }
}
