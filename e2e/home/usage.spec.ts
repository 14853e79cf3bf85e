// An account's Usage section: requests per day per token from what the API recorded (30 / 90 days, a token
// picker), with a text alternative, and the client addresses the token was used from.
import { SCREENS } from "../support/axe";
import { whoami } from "../support/console-tokens";
import { db } from "../support/db";
import { expect, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";
import { seedUsage } from "./support";

test("the Usage chart shows the requests the API recorded, per period and per token, and the client address", async ({ page, request, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const account = await createServiceAccountWithToken("VIEWER", { owner: me });
  // Real requests: the first use of a token is written at once (the rest within a minute).
  expect((await whoami(request, account.value)).status).toBe(200);
  await expect
    .poll(async () => (await db().query(`SELECT ip FROM "TokenClientAddress" WHERE "tokenId" = $1`, [account.tokenId])).rows.map((r) => r.ip))
    .toEqual(["127.0.0.1"]);
  await seedUsage(account.tokenId, 3, 40);
  await seedUsage(account.tokenId, 60, 500);

  await page.goto(`/admin/api-tokens/${account.accountId}`);
  const usage = page.getByRole("region", { name: "Usage" });
  const summary = usage.getByTestId("usage-summary");
  await expect(summary).toHaveText("41 requests in the last 30 days across 1 token.");
  await expect(usage.getByTestId("usage-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  // The text alternative carries the same numbers.
  const table = usage.getByTestId("usage-table");
  await expect(table.getByRole("row")).toHaveCount(3); // header + two days
  await usage.getByRole("button", { name: "90 days" }).click();
  await expect(usage.getByRole("button", { name: "90 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(summary).toHaveText("541 requests in the last 90 days across 1 token.");
  await expect(table.getByRole("row")).toHaveCount(4);
  await usage.getByLabel("Token").selectOption({ index: 1 });
  await expect(summary).toContainText("541 requests in the last 90 days with default");

  const addresses = usage.getByRole("table", { name: "Recent client addresses" });
  await expect(addresses.getByRole("row")).toHaveCount(2);
  await expect(addresses).toContainText("127.0.0.1");

  // On a phone the page keeps to the screen: the hidden text alternative once stretched it sideways.
  await page.setViewportSize(SCREENS.phone);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SCREENS.phone.width);
});
