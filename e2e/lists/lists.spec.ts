// Issue 12, lists: cards on a phone with nothing wider than the screen, the essential columns at 1440 px with
// real (long) data, relative times with the exact time on focus, the reveal's curl, the last-live-token warning,
// the back link that keeps the list's filters, and search by token.
import type { Page } from "@playwright/test";
import { E2E_OWNER } from "../../playwright.config";
import { pageAt, SCREENS, type Screen } from "../support/axe";
import { createUser } from "../support/db";
import { expect, signIn, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";
import { openCreateDialog, revealedToken, submitCreateForm, uniqueAccountName } from "../support/console-tokens";
import { addSeededToken, longAccount, longOwner } from "./seed";

// Every list of the console, by the path that shows it (an account's tokens and grants on its detail page).
async function listPaths(): Promise<string[]> {
  const owner = await longOwner();
  const account = await longAccount(owner);
  return ["/admin/api-tokens", "/tokens", `/admin/api-tokens/${account.accountId}`, "/admin/users", "/admin/audit-log", "/admin/scopes", "/admin/resources"];
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const [label, screen] of [["phone", SCREENS.phone], ["phone held sideways", SCREENS.phoneLandscape]] as [string, Screen][]) {
  test(`every list fits a ${label} (${screen.width}×${screen.height})`, async ({ browser }) => {
    test.slow();
    const paths = await listPaths();
    const page = await pageAt(browser, screen);
    await signIn(page, E2E_OWNER);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator("main table").first()).toBeVisible();
      expect(await overflow(page), `${path} is wider than the screen`).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
}

test("on a phone, API Tokens shows each account as a card: name, status, expiry, last used, actions", async ({ browser }) => {
  const owner = await longOwner();
  const account = await longAccount(owner);
  const page = await pageAt(browser, SCREENS.phone);
  await signIn(page, E2E_OWNER);
  await page.goto(`/admin/api-tokens?q=${account.accountName}`);
  const card = page.locator("main tbody tr").filter({ has: page.getByRole("link", { name: account.accountName }) });
  await expect(card.getByRole("link", { name: account.accountName })).toBeVisible();
  for (const field of ["Status", "Last used", "Expires"]) await expect(card.locator(`td[data-label="${field}"]`)).toBeVisible();
  await expect(card.locator('td[data-label="Status"]')).toHaveText("Expiring");
  await expect(card.locator('td[data-label="Expires"]')).toHaveText("in 5 days");
  await expect(card.getByRole("button", { name: `Actions for ${account.accountName}` })).toBeVisible();
  // The rest waits for the detail page.
  await expect(card.locator('td[data-label="Owner"]')).toBeHidden();
  // The header row stays for screen readers (each cell keeps its column header) but takes no room on screen.
  expect((await page.locator("main thead").boundingBox())?.height ?? 0).toBeLessThanOrEqual(1);
  const box = (await card.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(SCREENS.phone.width);
  await page.context().close();
});

test("at 1440×900 with long names, emails and descriptions, Name, Status, Last used and Expires stay in view", async ({ browser }) => {
  const owner = await longOwner();
  const accounts = [await longAccount(owner), await longAccount(owner, { days: 40 })];
  const page = await pageAt(browser, SCREENS.desktop);
  await signIn(page, E2E_OWNER);
  await page.goto(`/admin/api-tokens?ownerId=${owner.id}`);
  await expect(page.locator("main tbody tr")).toHaveCount(2);
  const frame = (await page.locator("main table").first().locator("xpath=..").boundingBox())!;
  for (const header of ["Name", "Status", "Last used", "Expires"]) {
    const th = page.locator("main thead th").filter({ hasText: header }).first();
    const box = (await th.boundingBox())!;
    expect(box.x, `${header} starts inside the table's box`).toBeGreaterThanOrEqual(frame.x);
    expect(box.x + box.width, `${header} ends inside the table's box`).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
    // Nothing (the sticky actions column) covers it.
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest("th")?.textContent ?? "", [box.x + box.width / 2, box.y + box.height / 2]);
    expect(onTop).toContain(header);
  }
  expect(await overflow(page)).toBeLessThanOrEqual(0);

  // A long name is cut; the whole of it is its title (hover) and a tooltip on keyboard focus.
  const link = page.getByRole("link", { name: accounts[0]!.accountName });
  expect(await link.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(link).toHaveAttribute("title", accounts[0]!.accountName);
  await link.focus();
  await expect(page.getByRole("tooltip")).toHaveText(accounts[0]!.accountName);
  // The owner's email too.
  const ownerCell = page.locator("main tbody").getByTitle(`${owner.name} <${owner.email}>`).first();
  await expect(ownerCell).toHaveText(owner.name);
  await ownerCell.focus();
  await expect(page.getByRole("tooltip")).toHaveText(`${owner.name} <${owner.email}>`);
  await page.context().close();
});

test.describe("times", () => {
  test.use({ timezoneId: "Asia/Kolkata", locale: "en-US" });

  test("relative in the list, the exact time and zone on hover and keyboard focus; absolute on the detail page", async ({ page }) => {
    const owner = await longOwner();
    const account = await longAccount(owner);
    await signIn(page, E2E_OWNER);
    await page.goto(`/admin/api-tokens?q=${account.accountName}`);
    const row = page.locator("main tbody tr").filter({ has: page.getByRole("link", { name: account.accountName }) });
    const expires = row.locator('td[data-label="Expires"] [tabindex="0"]');
    const lastUsed = row.locator('td[data-label="Last used"] [tabindex="0"]');
    await expect(expires).toHaveText("in 5 days");
    await expect(lastUsed).toHaveText("2 minutes ago");
    await expect(expires).toHaveAttribute("title", /GMT\+5:30/);
    // By keyboard: Tab from the name link reaches the times, and focus shows the exact time with its zone.
    await row.getByRole("link", { name: account.accountName }).focus();
    for (let i = 0; i < 10 && !(await lastUsed.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(lastUsed).toBeFocused();
    await expect(page.getByRole("tooltip")).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M GMT\+5:30$/);
    await page.keyboard.press("Tab");
    await expect(expires).toBeFocused();
    const expiry = await expires.locator("time").getAttribute("datetime");
    const exact = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: "Asia/Kolkata" }).format(new Date(expiry!));
    await expect(page.getByRole("tooltip")).toHaveText(exact);

    await page.goto(`/admin/api-tokens/${account.accountId}`);
    const tokenRow = page.locator('section[aria-labelledby="tokens-heading"] tbody tr').first();
    await expect(tokenRow.locator('td[data-label="Expires"]')).toHaveText(exact);
  });

  test("the Create dialog shows the exact resulting expiry, with its zone, as the choice changes", async ({ page }) => {
    await signIn(page, E2E_OWNER);
    const dialog = await openCreateDialog(page);
    const expiry = dialog.getByText(/^Expires /);
    await dialog.getByLabel("Expiration", { exact: true }).selectOption({ label: "30 days" });
    await expect(expiry).toContainText("GMT+5:30");
    const at30 = await expiry.locator("time").getAttribute("datetime");
    await dialog.getByLabel("Expiration", { exact: true }).selectOption({ label: "90 days" });
    await expect(expiry.locator("time")).not.toHaveAttribute("datetime", at30!);
    expect(Math.abs(Date.parse((await expiry.locator("time").getAttribute("datetime"))!) - (Date.now() + 90 * 86_400_000))).toBeLessThan(120_000);
  });
});

test("the reveal offers a ready curl with its own Copy, and focus starts on the token's Copy", async ({ page, baseURL }) => {
  await signIn(page, E2E_OWNER);
  await submitCreateForm(await openCreateDialog(page), { name: uniqueAccountName("curl") });
  const token = await revealedToken(page);
  const reveal = page.getByRole("dialog", { name: "Copy your API token" });
  await expect(reveal.getByRole("button", { name: "Copy", exact: true })).toBeFocused();
  await expect(reveal.locator("pre")).toHaveText(`curl -H "Authorization: Bearer ${token}" ${baseURL}/api/v1/whoami`);
  await expect(reveal.getByRole("button", { name: "Copy curl" })).toBeVisible();
  await reveal.getByRole("button", { name: "Done" }).click();
});

test("revoking an account's last live token warns that it will have no working token", async ({ page }) => {
  const account = await createServiceAccountWithToken("VIEWER");
  await signIn(page, E2E_OWNER);
  await page.goto(`/admin/api-tokens/${account.accountId}`);
  const revoke = page.getByRole("button", { name: /^Revoke token/ });
  await revoke.click();
  const confirm = page.getByRole("dialog", { name: /^Revoke token/ });
  await expect(confirm).toContainText(`This is the last working token of ${account.accountName}`);
  await expect(confirm).toContainText("no working token");
  await expect(confirm).not.toContainText("not affected");
  await page.keyboard.press("Escape");
  await expect(revoke).toBeFocused();

  // With a second live token, revoking one leaves the account working, and the dialog says so.
  await addSeededToken(account.accountId, "second");
  await page.reload();
  await page.getByRole("button", { name: /^Revoke token/ }).first().click();
  await expect(page.getByRole("dialog", { name: /^Revoke token/ })).toContainText("its other tokens keep working");
});

test("the detail page's back link returns to the list with the filters it was opened from", async ({ page }) => {
  const owner = await longOwner();
  const account = await longAccount(owner);
  await signIn(page, E2E_OWNER);
  const list = `/admin/api-tokens?q=${account.accountName}&status=expiring&sort=name&dir=asc`;
  await page.goto(list);
  await page.getByRole("link", { name: account.accountName }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/api-tokens/${account.accountId}\\?from=`));
  await page.getByRole("link", { name: "API Tokens", exact: true }).last().click();
  await expect(page).toHaveURL(/\/admin\/api-tokens\?/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ q: account.accountName, status: "expiring", sort: "name", dir: "asc" });
  await expect(page.getByRole("link", { name: account.accountName })).toBeVisible();

  // A hand-made `from` pointing elsewhere is not followed.
  await page.goto(`/admin/api-tokens/${account.accountId}?from=${encodeURIComponent("https://evil.example/tokens")}`);
  await expect(page.getByRole("link", { name: "API Tokens", exact: true }).last()).toHaveAttribute("href", "/admin/api-tokens");
});

test("My tokens finds an account by a pasted full token, and the token never stays in the URL", async ({ page }) => {
  const me = await createUser({ role: "CONTRIBUTOR" });
  const mine = await createServiceAccountWithToken("VIEWER", { owner: me });
  const other = await createServiceAccountWithToken("VIEWER", { owner: me });
  const theirs = await createServiceAccountWithToken("VIEWER");
  await signIn(page, me);
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await page.goto("/tokens");
  const box = page.getByRole("searchbox", { name: "Search service accounts" });
  await box.fill(mine.value);
  await expect(page).toHaveURL(/q=kh_/);
  const hint = new URL(page.url()).searchParams.get("q");
  expect(hint).toBe(`kh_…${mine.value.slice(-4)}`);
  await expect(box).toHaveValue(hint!);
  await expect(page.getByRole("link", { name: mine.accountName })).toBeVisible();
  await expect(page.getByRole("link", { name: other.accountName })).toHaveCount(0);

  // Someone else's token: not found, and the box lets go of it.
  await box.fill(theirs.value);
  await expect(page.getByRole("status").filter({ hasText: "No service account you can see has this token." })).toBeVisible();
  await expect(box).not.toHaveValue(theirs.value);
  for (const url of urls) {
    expect(url).not.toContain(mine.value.slice(3));
    expect(url).not.toContain(theirs.value.slice(3));
  }

  // Typed into the address bar: sent on to the hint.
  await page.goto(`/tokens?q=${mine.value}`);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(hint!)}`));
});

test("a viewer who owns accounts is told who can change them", async ({ page }) => {
  const viewer = await createUser({ role: "VIEWER" });
  const account = await createServiceAccountWithToken("VIEWER", { owner: viewer });
  await signIn(page, viewer);
  await page.goto("/tokens");
  await expect(page.getByRole("note")).toContainText("Only admins can change service accounts");
  await expect(page.getByRole("note")).toContainText(E2E_OWNER.email);
  await page.goto(`/admin/api-tokens/${account.accountId}`);
  await expect(page.getByRole("note")).toContainText("see this account but not change it");
});
