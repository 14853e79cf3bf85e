// Issue 13 §4 and §5 in the console: a token reported leaked (no token needed) is refused at once and its account's
// page says where it was found; a token the stale-token policy suspended comes back with Resume, by keyboard.
// The changed detail page passes axe at 390 px.
import { expectNoViolations } from "../support/axe";
import { db } from "../support/db";
import { expect, signIn, test } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken } from "../support/tokens";

test.use({ viewport: { width: 390, height: 844 } });

test("a token posted to /api/v1/tokens/leaked answers 401 at once and its detail page shows the report", async ({ page, request }) => {
  const leaked = await createServiceAccountWithToken("CONTRIBUTOR");
  const whoami = () => apiClient(request, leaked.value).get("/api/v1/whoami");
  expect((await whoami()).status()).toBe(200);
  const url = `https://git.example.com/acme/app/blob/main/.env?case=${leaked.tokenId}`;
  const report = await apiClient(request, null).post("/api/v1/tokens/leaked", [{ token: leaked.value, url, source: "e2e scanner" }]);
  expect(report.status()).toBe(202);
  expect(await report.json()).toEqual({ received: 1 });
  expect((await whoami()).status()).toBe(401);

  await signIn(page, leaked.owner);
  await page.goto(`/admin/api-tokens/${leaked.accountId}`);
  const tokens = page.getByRole("region", { name: `Tokens of ${leaked.accountName}` });
  await expect(tokens.getByText("Reported leaked at")).toBeVisible();
  await expect(tokens.getByText(url)).toBeVisible();
  await expect(tokens.getByText("Revoked", { exact: true })).toBeVisible();
  await expectNoViolations(page);
});

test("Resume brings a suspended token back, by keyboard, and the page passes axe at 390 px", async ({ page, request }) => {
  const stale = await createServiceAccountWithToken("CONTRIBUTOR");
  await db().query(`UPDATE "ApiToken" SET "suspendedAt" = now() WHERE id = $1`, [stale.tokenId]);
  const whoami = () => apiClient(request, stale.value).get("/api/v1/whoami");
  await expect.poll(async () => (await whoami()).status()).toBe(401);

  await signIn(page, stale.owner);
  await page.goto(`/admin/api-tokens/${stale.accountId}`);
  const tokens = page.getByRole("region", { name: `Tokens of ${stale.accountName}` });
  await expect(tokens.getByText("Suspended", { exact: true })).toBeVisible();
  await expectNoViolations(page);

  const resume = tokens.getByRole("button", { name: /^Resume token kh_…/ });
  await resume.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^Token kh_….{4} resumed$/)).toBeVisible();
  await expect(tokens).toBeFocused();
  await expect(tokens.getByText("Active", { exact: true })).toBeVisible();
  await expect(resume).toBeHidden();
  expect((await whoami()).status()).toBe(200);
  const { rows } = await db().query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "targetId" = $1 AND action = 'token.resumed'`, [stale.accountId]);
  expect(rows).toHaveLength(1);
});
