// The OWNER's token policy, end to end: set in Admin → Settings, it removes "Never" and over-long presets from the
// console's choices, refuses a too-long or missing expiry over the API with the field named, and lists the live
// tokens outside it. It changes what every other test's token creation obeys, so it runs in its own project after
// all the others (playwright.config.ts).
import { E2E_OWNER } from "../../playwright.config";
import { db } from "../support/db";
import { expect, test } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken, errorOf } from "../support/tokens";

test.afterAll(async () => {
  await db().query(`DELETE FROM "Setting" WHERE key = 'tokens.policy'`);
});

test("an owner's token policy shapes the console's choices and is enforced by the API", async ({ page, request, signIn }) => {
  const admin = await createServiceAccountWithToken("ADMIN", { expiresAt: null });
  await signIn(page, E2E_OWNER);
  await page.goto("/admin/settings");
  const policy = page.getByRole("region", { name: "Token policy" });
  await policy.getByLabel("Contributor").fill("30");
  await policy.getByLabel("Require an expiry").check();
  await policy.getByLabel("Default expiration for new tokens").selectOption({ label: "30 days" });
  await policy.getByRole("button", { name: "Save token policy" }).click();
  await expect(page.getByText("Token policy saved")).toBeVisible();

  // The never-expiring ADMIN token made before the policy is listed, with a way to rotate or revoke it.
  const outside = page.getByRole("region", { name: "Tokens outside the policy" });
  await expect(outside.getByRole("link", { name: `Rotate or revoke ${admin.accountName} / default` })).toBeVisible();

  // The console offers only what the policy allows, and says why.
  await page.goto("/admin/api-tokens");
  await page.getByRole("button", { name: "Create Token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create new API token" });
  await dialog.getByLabel("Role").selectOption("CONTRIBUTOR");
  const expiration = dialog.getByLabel("Expiration", { exact: true });
  await expect(expiration.locator("option")).toHaveText(["30 days", "Custom date"]);
  await expect(dialog.getByText(/at most 30 days/)).toBeVisible();
  await dialog.getByLabel("Role").selectOption("VIEWER");
  await expect(expiration.locator("option")).toHaveText(["30 days", "90 days", "365 days", "Custom date"]);
  await expect(dialog.getByText("The token policy requires an expiry.", { exact: false })).toBeVisible();

  // The API refuses a lifetime over the maximum and a missing expiry, naming the field.
  const api = apiClient(request, admin.value);
  const tooLong = await api.post("/api/v1/service-accounts", { name: `policy-${Date.now()}`, role: "CONTRIBUTOR", expiresAt: new Date(Date.now() + 60 * 86_400_000).toISOString() });
  expect(tooLong.status()).toBe(422);
  expect((await errorOf(tooLong)).details).toMatchObject({ fieldErrors: { expiresAt: [expect.stringMatching(/at most 30 days/)] } });
  const never = await api.post("/api/v1/service-accounts", { name: `policy-never-${Date.now()}`, role: "VIEWER" });
  expect(never.status()).toBe(422);
  expect((await errorOf(never)).details).toMatchObject({ fieldErrors: { expiresAt: ["The token policy requires an expiry"] } });
  const within = await api.post("/api/v1/service-accounts", { name: `policy-ok-${Date.now()}`, role: "CONTRIBUTOR", expiresAt: new Date(Date.now() + 20 * 86_400_000).toISOString() });
  expect(within.status()).toBe(201);
});
