// The home page (issue 12 §4): what needs attention among one's tokens, links to the filtered list, Rotate from
// home, and an admin's bulk revoke. Each checked where it matters: the page, the database, the API, the audit log.
import { createTokenThroughUi, finishReveal, getServiceAccountByName, revealedToken, tokensOfAccount, uniqueAccountName, whoami } from "../support/console-tokens";
import { auditEvents } from "../support/db";
import { expect, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";
import { bucketCard, localDateAhead, reviewList } from "./support";

const DAY_MS = 86_400_000;

test("a token created with a 5-day expiry shows under Expiring within 7 days, and the count opens the filtered list", async ({ page, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const name = uniqueAccountName("home5");
  const token = await createTokenThroughUi(page, { name, expiration: "Custom date", customDate: await localDateAhead(page, 5) }, "/tokens");
  await finishReveal(page, token);
  // Another of mine expiring in 20 days: within 30, not within 7.
  const later = await createServiceAccountWithToken("VIEWER", { owner: me, expiresAt: new Date(Date.now() + 20 * DAY_MS) });

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  const week = bucketCard(page, "Expiring within 7 days");
  await expect(week.getByRole("link", { name })).toBeVisible();
  await expect(week).not.toContainText(later.accountName);
  await expect(bucketCard(page, "Expiring within 30 days")).toContainText(later.accountName);
  await expect(bucketCard(page, "Never used")).toContainText(name);
  // A contributor has no organisation view and no review lists.
  await expect(page.getByRole("navigation", { name: "Show tokens of" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Review" })).toHaveCount(0);

  await week.getByRole("link", { name: /^1 account expiring within 7 days/ }).click();
  await expect(page).toHaveURL(/\/tokens\?attention=expiring_7$/);
  await expect(page.getByTestId("attention-filter")).toContainText("expiring within 7 days");
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: later.accountName, exact: true })).toHaveCount(0);
  await page.goto("/");
  await bucketCard(page, "Expiring within 30 days").getByRole("link", { name: /^2 accounts/ }).click();
  await expect(page).toHaveURL(/\/tokens\?attention=expiring_30$/);
  await expect(page.getByRole("link", { name: later.accountName, exact: true })).toBeVisible();
});

test("Rotate from home: the new value works, the old one is refused, and the account leaves Expiring", async ({ page, request, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const account = await createServiceAccountWithToken("VIEWER", { owner: me, expiresAt: new Date(Date.now() + 3 * DAY_MS) });
  await page.goto("/");
  const rotate = bucketCard(page, "Expiring within 7 days").getByRole("button", { name: /^Rotate token/ });
  await expect(rotate).toHaveCount(1);
  await rotate.click();
  const dialog = page.getByRole("dialog", { name: /^Rotate token/ });
  await dialog.getByLabel("New token expires").selectOption({ label: "90 days" });
  await dialog.getByRole("button", { name: "Rotate" }).click();
  const value = await revealedToken(page);
  expect(await whoami(request, value)).toEqual({ status: 200, name: account.accountName });
  expect((await whoami(request, account.value)).status).toBe(401);
  await finishReveal(page, value);
  const tokens = await tokensOfAccount(account.accountId);
  expect(tokens).toHaveLength(2);
  expect((await auditEvents({ action: "token.rotated", targetId: account.accountId })).length).toBe(1);
  // No longer expiring: the page refreshed without it.
  await page.reload();
  await expect(bucketCard(page, "Expiring within 7 days")).not.toContainText(account.accountName);
});

test("an admin revokes selected tokens without expiry: confirmation names the count, each revoke is audited", async ({ page, request, asRole }) => {
  await asRole("ADMIN");
  const owner = await createServiceAccountWithToken("VIEWER");
  const first = await createServiceAccountWithToken("CONTRIBUTOR", { owner: owner.owner });
  const second = await createServiceAccountWithToken("VIEWER", { owner: owner.owner });
  await page.goto("/?scope=all");
  await expect(page.getByRole("link", { name: "Organisation" })).toHaveAttribute("aria-current", "page");
  const list = reviewList(page, "Tokens without expiry");
  const revoke = list.getByRole("button", { name: /^Revoke selected/ });
  await expect(revoke).toHaveAttribute("aria-disabled", "true");
  await list.getByLabel(new RegExp(`^${first.accountName}`)).check();
  await list.getByLabel(new RegExp(`^${second.accountName}`)).check();
  await expect(revoke).toHaveText("Revoke selected (2)");
  await revoke.click();
  const dialog = page.getByRole("dialog", { name: "Revoke 2 tokens?" });
  await expect(dialog).toContainText(first.accountName);
  await expect(dialog).toContainText(second.accountName);
  await dialog.getByRole("button", { name: "Revoke 2 tokens" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(list.getByRole("status")).toHaveText("2 tokens revoked.");
  await expect(revoke).toBeFocused();
  for (const token of [first, second]) {
    expect((await whoami(request, token.value)).status).toBe(401);
    expect((await tokensOfAccount(token.accountId))[0]!.revokedAt).not.toBeNull();
    const events = await auditEvents({ action: "token.revoked", targetId: token.accountId });
    expect(events).toHaveLength(1);
    expect(events[0]!.metadata).toMatchObject({ tokenId: token.tokenId });
  }
  // Not selected: untouched.
  expect((await whoami(request, owner.value)).status).toBe(200);
  await expect(list).not.toContainText(first.accountName);
});

test("a viewer's home holds their own accounts only, with no organisation switch", async ({ page, asRole }) => {
  const viewer = await asRole("VIEWER");
  const mine = await createServiceAccountWithToken("VIEWER", { owner: viewer, expiresAt: new Date(Date.now() + 2 * DAY_MS) });
  const theirs = await createServiceAccountWithToken("VIEWER", { expiresAt: new Date(Date.now() + 2 * DAY_MS) });
  await page.goto("/?scope=all");
  const week = bucketCard(page, "Expiring within 7 days");
  await expect(week).toContainText(mine.accountName);
  await expect(week).not.toContainText(theirs.accountName);
  await expect(page.getByRole("navigation", { name: "Show tokens of" })).toHaveCount(0);
  // A viewer may not change tokens: no Rotate.
  await expect(week.getByRole("button", { name: /^Rotate/ })).toHaveCount(0);
  expect((await getServiceAccountByName(mine.accountName)).id).toBe(mine.accountId);
});
