import { defineConfig } from "@playwright/test";

// `npm test` starts PostgreSQL, creates a fresh database and passes it here as E2E_DATABASE_URL.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests through `npm test`.");
const port = Number(process.env.E2E_PORT ?? 3311);
// The server creates this first owner at start, as quickstart does; it is the only OWNER in the e2e database.
export const E2E_OWNER = { email: "owner@e2e.test", password: "e2e-owner-password-1" };
const baseURL = `http://127.0.0.1:${port}`;
// A low per-token API limit, so the rate-limit test reaches it quickly.
export const E2E_API_RATE_LIMIT = 60;
// The audit chain's HMAC key and the checkpoint signing key (test values): the tamper test re-chains with the
// first to undo its rewrite, as only the key's holder can.
export const E2E_AUDIT_KEY = "0h7pg6uI6KZntwFSu73ZSMXMcMO1sCnHfNPR2gjn3Mg";
const E2E_AUDIT_SIGNING_KEY = "TDKLW5H0Uegt2YxW1fgPfBCXXQ_NRbnp3uCTR4uDW8c";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // Two shared cores: a case starved by its neighbour gets one more try in CI, and is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  projects: [
    { name: "main", testIgnore: /\.global\.spec\.ts$/ },
    // Specs that change what every other spec depends on (e.g. the token policy) run alone, after all the others.
    { name: "global settings", testMatch: /\.global\.spec\.ts$/, dependencies: ["main"] },
  ],
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    // Recording a trace for every test cost CI a third of its Playwright time (snapshots at every action): a failed
    // test's retry records one instead. Locally (no retries) E2E_TRACE=retain-on-failure keeps them.
    trace: process.env.E2E_TRACE === "retain-on-failure" ? "retain-on-failure" : "on-first-retry",
    launchOptions: {
      // Playwright cannot download its browsers here: Debian's chromium (installed by npm test) is used.
      executablePath: process.env.KEYHOLD_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    // The production build (npm test runs next build first), served by the same launcher as npm start.
    command: "node node_modules/tsx/dist/cli.mjs lib/cli/start.ts",
    url: `${baseURL}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e",
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      KEYHOLD_ADMIN_EMAIL: E2E_OWNER.email,
      KEYHOLD_ADMIN_PASSWORD: E2E_OWNER.password,
      KEYHOLD_API_RATE_LIMIT: String(E2E_API_RATE_LIMIT),
      // Every e2e request comes from 127.0.0.1: the per-address failure limit is tested in lib/api instead.
      KEYHOLD_API_AUTH_FAILURE_LIMIT: "100000",
      // Likewise leak reports (the fuzz suite sends many): their per-address limit is tested in lib/leaks.
      KEYHOLD_LEAK_REPORT_LIMIT: "100000",
      // Refusals are audited as one aggregate per key and window: a short window, so the tests see them soon.
      KEYHOLD_REFUSAL_WINDOW_SECONDS: "1",
      KEYHOLD_AUDIT_KEY: E2E_AUDIT_KEY,
      KEYHOLD_AUDIT_SIGNING_KEY: E2E_AUDIT_SIGNING_KEY,
      // Webhook tests run their receiver on 127.0.0.1, which the SSRF guard refuses by default.
      KEYHOLD_WEBHOOK_ALLOW_PRIVATE: "true",
    },
  },
});
