// Issue 13 §2 end to end: a real SMTP server (the catcher) and TWO app instances on their own database, both
// working the queues and scanning every 2 seconds. A token created to expire in 3 days gets exactly one 7-day
// reminder, and no more however many scans follow; the admin's test email arrives once.
import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import pg from "pg";
import config, { E2E_OWNER } from "../../playwright.config";
import { startAppInstances, type AppInstances } from "../../lib/testing/app-instances";
import { startSmtpCatcher, type SmtpCatcher } from "../../lib/testing/smtp-catcher";
import { createTestDatabase } from "../../lib/testing/test-database";
import { issueToken } from "../../lib/tokens/token-format";
import { expectNoViolations, SCREENS } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

const serverEnv = (config.webServer as { env: Record<string, string> }).env;
let catcher: SmtpCatcher;
let instances: AppInstances;
let mailDb: pg.Pool;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  catcher = await startSmtpCatcher();
  // Their own database: the suite's server (email off) must not take these instances' email jobs.
  const cluster = new URL(process.env.E2E_DATABASE_URL!);
  cluster.pathname = "/postgres";
  const url = await createTestDatabase(cluster.toString(), "keyhold_e2e_mail");
  mailDb = new pg.Pool({ connectionString: url, max: 2 });
  instances = await startAppInstances(2, { ...serverEnv, DATABASE_URL: url, KEYHOLD_SMTP_URL: catcher.url, KEYHOLD_SCAN_INTERVAL_SECONDS: "2", KEYHOLD_MAIL_FROM: "Keyhold <keyhold@e2e.test>" });
});
test.afterAll(async () => {
  await instances?.stop();
  await mailDb?.end();
  await catcher?.stop();
});

const messagesTo = (email: string) => catcher.messages.filter((m) => m.to.includes(email));
const completedScans = async () => (await mailDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'scan-expiry' AND state = 'completed'`)).rows[0]!.n;

/** An owner with a VIEWER service account whose token expires in 3 days, written to the instances' database. */
async function seedExpiringToken() {
  const suffix = randomBytes(4).toString("hex");
  const email = `owner-${suffix}@e2e.test`;
  const user = await mailDb.query<{ id: string }>(`INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt") VALUES ($1, 'Reminder Owner', 'CONTRIBUTOR', 'x', now()) RETURNING id`, [email]);
  const expiresAt = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
  const account = await mailDb.query<{ id: string; name: string }>(
    `INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt", "tokenExpiresAt") VALUES ($1, 'VIEWER', $2, now(), $3) RETURNING id, name`,
    [`deploy-${suffix}`, user.rows[0]!.id, expiresAt],
  );
  const issued = issueToken();
  const token = await mailDb.query<{ id: string }>(
    `INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint, "expiresAt") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [issued.publicId, account.rows[0]!.id, issued.secretHash, issued.hint, expiresAt],
  );
  return { email, account: account.rows[0]!, tokenId: token.rows[0]!.id, value: issued.value };
}

test("a token expiring in 3 days gets exactly one 7-day reminder with two instances scanning", async () => {
  const seeded = await seedExpiringToken();
  await expect.poll(() => messagesTo(seeded.email).length, { timeout: 60_000, intervals: [250] }).toBeGreaterThan(0);
  const [reminder] = messagesTo(seeded.email);
  expect(reminder!.subject).toBe(`[Keyhold] Token "default" of ${seeded.account.name} expires in 3 days`);
  expect(reminder!.from).toBe("keyhold@e2e.test");
  expect(reminder!.readable).toContain(`/admin/api-tokens/${seeded.account.id}`);
  expect(reminder!.readable).not.toContain(seeded.value);

  // Several more scan intervals (each a completed scan job, on either instance), and still one email.
  const scans = await completedScans();
  await expect.poll(completedScans, { timeout: 60_000, intervals: [500] }).toBeGreaterThanOrEqual(scans + 4);
  expect(messagesTo(seeded.email)).toHaveLength(1);
  const notices = await mailDb.query<{ dedupeKey: string; sent: boolean }>(`SELECT "dedupeKey", "sentAt" IS NOT NULL AS sent FROM "Notification" WHERE "tokenId" = $1`, [seeded.tokenId]);
  expect(notices.rows).toEqual([{ dedupeKey: `token.expiring:7:${seeded.tokenId}`, sent: true }]);
  const audits = await mailDb.query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE metadata->>'tokenId' = $1 ORDER BY id`, [seeded.tokenId]);
  expect(audits.rows.map((r) => r.action)).toEqual(["token.expiry_notice", "notification.sent"]);
});

async function settingsAt(browser: Browser, width: number) {
  const context = await browser.newContext({ baseURL: instances.urls[0], viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, E2E_OWNER);
  await page.goto("/admin/settings");
  return { page, context };
}

for (const screen of [SCREENS.desktop, SCREENS.phone]) {
  test(`at ${screen.width} px: Settings → Notifications shows the SMTP server and sends one test email, with a toast`, async ({ browser }) => {
    const { page, context } = await settingsAt(browser, screen.width);
    const section = page.getByRole("region", { name: "Email notifications", exact: true });
    await expect(section).toContainText(`127.0.0.1:${catcher.port}`);
    await expect(section).toContainText("keyhold@e2e.test");
    await expectNoViolations(page, "main");
    const before = messagesTo(E2E_OWNER.email).length;
    const button = section.getByRole("button", { name: "Send test email" });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByText(`Test email queued to ${E2E_OWNER.email}`)).toBeVisible();
    await expect.poll(() => messagesTo(E2E_OWNER.email).length, { timeout: 30_000, intervals: [250] }).toBe(before + 1);
    expect(messagesTo(E2E_OWNER.email).at(-1)!.subject).toBe("[Keyhold] Keyhold test email");
    await context.close();
  });
}
