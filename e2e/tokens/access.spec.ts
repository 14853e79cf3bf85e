// Who sees which service accounts, and who gets controls to change them: My tokens, VIEWER, AUDITOR,
// CONTRIBUTOR. The server decides; these tests look at what it sends.
import type { Page } from "@playwright/test";
import { seedServiceAccounts, tokensTable, type SeededAccount } from "../support/console-tokens";
import { createUser, randomSuffix, type SeededUser } from "../support/db";
import { expect, test } from "../support/fixtures";

/** `count` accounts for `owner`, named `<prefix>-<label>-<n>` so one search finds every account of a test. */
function accountsFor(owner: SeededUser, prefix: string, label: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({ name: `${prefix}-${label}-${i + 1}`, role: "VIEWER" as const, owner }));
}

const namesOf = (accounts: readonly SeededAccount[]) => accounts.map((a) => a.name).sort();

async function listedNames(page: Page): Promise<string[]> {
  return (await tokensTable(page).nameLinks.allTextContents()).sort();
}

/** No control that changes anything: no Create Token, no ⋯ menus, no actions column, no Revoke. */
async function expectNoMutatingControls(page: Page) {
  await expect(page.getByRole("button", { name: "Create Token" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
  await expect(page.getByRole("menuitem")).toHaveCount(0);
}

test("My tokens lists exactly the accounts the user owns, even for an ADMIN who sees them all", async ({ page, asRole }) => {
  const prefix = `mine${randomSuffix()}`;
  const me = await asRole("ADMIN");
  const someone = await createUser({ role: "CONTRIBUTOR" });
  const mine = await seedServiceAccounts(accountsFor(me, prefix, "me", 3));
  const theirs = await seedServiceAccounts(accountsFor(someone, prefix, "them", 2));

  await page.goto("/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "My tokens" })).toBeVisible();
  const table = tokensTable(page);
  await table.expectSummary(3, "1 of 1");
  expect(await listedNames(page)).toEqual(namesOf(mine));
  await expect(page.getByRole("columnheader", { name: "Owner" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Owner filter" })).toHaveCount(0);
  for (const account of mine) await expect(page.getByRole("button", { name: `Actions for ${account.name}` })).toBeVisible();

  // Asking for someone else's accounts in the URL changes nothing here.
  await page.goto(`/tokens?ownerId=${someone.id}&q=${prefix}`);
  await table.expectSummary(3, "1 of 1");
  expect(await listedNames(page)).toEqual(namesOf(mine));

  // The admin list, by contrast, has everyone's.
  await page.goto(`/admin/api-tokens?q=${prefix}`);
  await table.expectSummary(5, "1 of 1");
  expect(await listedNames(page)).toEqual(namesOf([...mine, ...theirs]));
});

test("a CONTRIBUTOR's My tokens has their own accounts and a Create Token for themselves", async ({ page, asRole }) => {
  const prefix = `cmine${randomSuffix()}`;
  const me = await asRole("CONTRIBUTOR");
  const mine = await seedServiceAccounts(accountsFor(me, prefix, "me", 2));
  await seedServiceAccounts(accountsFor(await createUser({ role: "CONTRIBUTOR" }), prefix, "them", 2));
  await page.goto("/tokens");
  await tokensTable(page).expectSummary(2, "1 of 1");
  expect(await listedNames(page)).toEqual(namesOf(mine));
  await page.getByRole("button", { name: "Create Token" }).click();
  const dialog = page.getByRole("dialog", { name: "Create new API token" });
  await expect(dialog.getByRole("combobox", { name: "Owner" })).toHaveCount(0);
  await expect(dialog.getByText("You", { exact: true })).toBeVisible();
});

test("a VIEWER sees only their own accounts, with no way to create or change one", async ({ page, asRole }) => {
  const prefix = `view${randomSuffix()}`;
  const me = await asRole("VIEWER");
  const someone = await createUser({ role: "CONTRIBUTOR" });
  const mine = await seedServiceAccounts(accountsFor(me, prefix, "me", 2));
  const theirs = await seedServiceAccounts(accountsFor(someone, prefix, "them", 2));

  await page.goto("/admin/api-tokens");
  const table = tokensTable(page);
  await table.expectSummary(2, "1 of 1");
  expect(await listedNames(page)).toEqual(namesOf(mine));
  await expectNoMutatingControls(page);
  await expect(page.getByRole("columnheader", { name: "Actions" })).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Owner filter" })).toHaveCount(0);

  // A hand-made link to someone else's accounts shows none of them.
  await page.goto(`/admin/api-tokens?ownerId=${someone.id}`);
  await table.expectSummary(0, "1 of 1");
  await expect(page.getByText("No service accounts match.")).toBeVisible();

  const own = await page.goto(`/admin/api-tokens/${mine[0]!.id}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: mine[0]!.name })).toBeVisible();
  await expectNoMutatingControls(page);
  for (const account of theirs) {
    const response = await page.goto(`/admin/api-tokens/${account.id}`);
    expect(response?.status()).toBe(404);
    expect(await page.content()).not.toContain(account.name);
  }
});

test("an AUDITOR sees every account and its details, with no control that changes anything", async ({ page, asRole }) => {
  const prefix = `audit${randomSuffix()}`;
  await asRole("AUDITOR");
  const owners = [await createUser({ role: "CONTRIBUTOR" }), await createUser({ role: "ADMIN" })];
  const accounts = await seedServiceAccounts([...accountsFor(owners[0]!, prefix, "a", 2), ...accountsFor(owners[1]!, prefix, "b", 2)]);

  await page.goto(`/admin/api-tokens?q=${prefix}`);
  await tokensTable(page).expectSummary(4, "1 of 1");
  expect(await listedNames(page)).toEqual(namesOf(accounts));
  await expect(page.getByRole("columnheader", { name: "Owner" })).toBeVisible();
  await expectNoMutatingControls(page);

  const response = await page.goto(`/admin/api-tokens/${accounts[3]!.id}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: accounts[3]!.name })).toBeVisible();
  await expect(page.getByRole("region", { name: "Tokens" }).getByRole("row")).toHaveCount(2); // header and the one token
  await expectNoMutatingControls(page);

  await page.goto("/tokens");
  await tokensTable(page).expectSummary(0, "1 of 1");
  await expectNoMutatingControls(page);
});

test("a CONTRIBUTOR cannot open another owner's account: 404, as if it did not exist", async ({ page, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const prefix = `c404${randomSuffix()}`;
  const [mine, contributors, admins] = await seedServiceAccounts([
    { name: `${prefix}-mine`, role: "VIEWER", owner: me },
    { name: `${prefix}-peer`, role: "VIEWER", owner: await createUser({ role: "CONTRIBUTOR" }) },
    { name: `${prefix}-admin`, role: "ADMIN", owner: await createUser({ role: "ADMIN" }) },
  ]);

  expect((await page.goto(`/admin/api-tokens/${mine!.id}`))?.status()).toBe(200);
  await expect(page.getByRole("button", { name: `Actions for ${mine!.name}` })).toBeVisible();
  for (const account of [contributors!, admins!]) {
    const response = await page.goto(`/admin/api-tokens/${account.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: account.name })).toHaveCount(0);
    expect(await page.content()).not.toContain(account.name);
  }
  // An id that exists nowhere answers the same.
  expect((await page.goto("/admin/api-tokens/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);

  await page.goto(`/admin/api-tokens?q=${prefix}`);
  await tokensTable(page).expectSummary(1, "1 of 1");
  expect(await listedNames(page)).toEqual([mine!.name]);
});
