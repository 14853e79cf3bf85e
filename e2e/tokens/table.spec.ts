// The API Tokens table keeps its search, filters, sort and page in the URL, and the server does the work.
import type { Page } from "@playwright/test";
import { seedServiceAccounts, tokensTable, type AccountSeed, type SeedStatus } from "../support/console-tokens";
import { createUser, randomSuffix, type SeededUser } from "../support/db";
import { expect, test } from "../support/fixtures";
import type { SaRole } from "../support/tokens";

const COUNT = 32;
const pad = (n: number) => String(n).padStart(2, "0");
const nameOf = (prefix: string, n: number) => `${prefix}-${pad(n)}`;

/** 01–03 revoked, 04–05 expired, 06–07 expiring, the rest active. */
const statusOf = (n: number): SeedStatus => (n <= 3 ? "revoked" : n <= 5 ? "expired" : n <= 7 ? "expiring" : "active");
/** 01–10 auditors, 11–20 contributors, the rest viewers. */
const roleOf = (n: number): SaRole => (n <= 10 ? "AUDITOR" : n <= 20 ? "CONTRIBUTOR" : "VIEWER");

/**
 * 32 accounts sharing a prefix no other test uses, created in number order (so newest first is 32 → 01),
 * odd ones owned by `owners[0]`, even ones by `owners[1]`.
 */
async function seedTable(prefix: string, owners: readonly [SeededUser, SeededUser]) {
  const seeds: AccountSeed[] = Array.from({ length: COUNT }, (_, i) => {
    const n = i + 1;
    // The description does not contain the prefix, so searching it finds rows by description alone.
    return { name: nameOf(prefix, n), role: roleOf(n), status: statusOf(n), owner: owners[n % 2 === 1 ? 0 : 1], description: `row ${n} of ${[...prefix].reverse().join("")}` };
  });
  return seedServiceAccounts(seeds);
}

const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => nameOf(prefix, from < to ? from + i : from - i));

async function search(page: Page, text: string) {
  await page.getByRole("searchbox", { name: "Search service accounts" }).fill(text);
  await expect.poll(() => tokensTable(page).param("q")).toBe(text);
}

test("search, paging and sorting go through the URL, and a reload keeps them", async ({ page, asRole }) => {
  const prefix = `pager${randomSuffix()}`;
  await seedTable(prefix, [await createUser({ role: "CONTRIBUTOR" }), await createUser({ role: "CONTRIBUTOR" })]);
  await asRole("ADMIN");
  const t = tokensTable(page);

  await page.goto("/admin/api-tokens");
  await search(page, prefix.toUpperCase()); // case-insensitive
  await t.expectSummary(COUNT, "1 of 2");
  await expect(t.rows).toHaveCount(25);
  await expect(t.nameLinks).toHaveText(range(prefix, 32, 8)); // newest first by default

  await t.pagination.getByRole("button", { name: "Next" }).click();
  await expect.poll(() => t.param("page")).toBe("2");
  await t.expectSummary(COUNT, "2 of 2");
  await expect(t.nameLinks).toHaveText(range(prefix, 7, 1));
  await expect(t.pagination.getByRole("button", { name: "Next" })).toBeDisabled();
  await page.reload();
  await t.expectSummary(COUNT, "2 of 2");
  await expect(t.nameLinks).toHaveText(range(prefix, 7, 1));

  // A new sort starts again from page 1.
  const nameHeader = page.getByRole("columnheader", { name: "Name" });
  await nameHeader.getByRole("button").click();
  await expect.poll(() => [t.param("sort"), t.param("dir"), t.param("page")]).toEqual(["name", "asc", "1"]);
  await expect(t.nameLinks.first()).toHaveText(nameOf(prefix, 1));
  await expect(t.nameLinks).toHaveText(range(prefix, 1, 25));
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");

  await nameHeader.getByRole("button").click();
  await expect.poll(() => t.param("dir")).toBe("desc");
  await expect(t.nameLinks.first()).toHaveText(nameOf(prefix, 32));
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");

  await page.reload();
  expect([t.param("q"), t.param("sort"), t.param("dir")]).toEqual([prefix.toUpperCase(), "name", "desc"]);
  await expect(page.getByRole("searchbox", { name: "Search service accounts" })).toHaveValue(prefix.toUpperCase());
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(t.nameLinks.first()).toHaveText(nameOf(prefix, 32));
  await t.expectSummary(COUNT, "1 of 2");

  await t.pagination.getByLabel("Rows per page").selectOption("10");
  await expect.poll(() => t.param("pageSize")).toBe("10");
  await t.expectSummary(COUNT, "1 of 4");
  await expect(t.nameLinks).toHaveText(range(prefix, 32, 23));

  // Search reaches descriptions too.
  await search(page, `row 17 of ${[...prefix].reverse().join("")}`);
  await t.expectSummary(1, "1 of 1");
  await expect(t.nameLinks).toHaveText([nameOf(prefix, 17)]);
});

test("role, status and owner filters narrow the list; the URL holds them", async ({ page, asRole }) => {
  const prefix = `filter${randomSuffix()}`;
  // Named to sort early: the Owner filter lists active users by name.
  const owners = [
    await createUser({ role: "CONTRIBUTOR", name: `Aardvark ${prefix} one` }),
    await createUser({ role: "VIEWER", name: `Aardvark ${prefix} two` }),
  ] as const;
  await seedTable(prefix, owners);
  await asRole("ADMIN");
  const t = tokensTable(page);

  await page.goto(`/admin/api-tokens?q=${prefix}&sort=name&dir=asc`);
  await t.expectSummary(COUNT, "1 of 2");

  await page.getByLabel("Role filter").selectOption({ label: "Auditor" });
  await expect.poll(() => t.param("role")).toBe("AUDITOR");
  await t.expectSummary(10, "1 of 1");
  await expect(t.nameLinks).toHaveText(range(prefix, 1, 10));

  await page.getByLabel("Status filter").selectOption({ label: "Revoked" });
  await expect.poll(() => t.param("status")).toBe("revoked");
  await t.expectSummary(3, "1 of 1");
  await expect(t.nameLinks).toHaveText(range(prefix, 1, 3));
  for (const name of range(prefix, 1, 3)) await expect(await t.cell(name, "Status")).toHaveText("Revoked");

  // The URL is the state: a reload shows the same page, with the controls set.
  await page.reload();
  expect([t.param("q"), t.param("role"), t.param("status"), t.param("sort")]).toEqual([prefix, "AUDITOR", "revoked", "name"]);
  await expect(page.getByLabel("Role filter")).toHaveValue("AUDITOR");
  await expect(page.getByLabel("Status filter")).toHaveValue("revoked");
  await t.expectSummary(3, "1 of 1");

  await page.getByLabel("Role filter").selectOption({ label: "All roles" });
  await expect.poll(() => t.param("role")).toBeNull();
  const byStatus: [label: string, value: SeedStatus, names: string[]][] = [
    ["Expired", "expired", range(prefix, 4, 5)],
    ["Expiring", "expiring", range(prefix, 6, 7)],
    ["Active", "active", range(prefix, 8, 32)],
  ];
  for (const [label, value, names] of byStatus) {
    await page.getByLabel("Status filter").selectOption({ label });
    await expect.poll(() => t.param("status")).toBe(value);
    await expect(t.nameLinks).toHaveText(names);
    await expect(await t.cell(names[0]!, "Status")).toHaveText(label);
  }
  await t.expectSummary(COUNT - 7, "1 of 1"); // active: 08–32
  await page.getByLabel("Status filter").selectOption({ label: "All statuses" });
  await expect.poll(() => t.param("status")).toBeNull();

  await page.getByLabel("Role filter").selectOption({ label: "Contributor" });
  await expect.poll(() => t.param("role")).toBe("CONTRIBUTOR");
  await page.getByLabel("Owner filter").selectOption({ label: owners[1].name });
  await expect.poll(() => [t.param("role"), t.param("ownerId")]).toEqual(["CONTRIBUTOR", owners[1].id]);
  await expect(t.nameLinks).toHaveText([12, 14, 16, 18, 20].map((n) => nameOf(prefix, n)));

  // A shared link opens exactly this view.
  const link = page.url();
  await page.goto("/admin/api-tokens");
  await page.goto(link);
  await expect(page.getByLabel("Owner filter")).toHaveValue(owners[1].id);
  await expect(t.nameLinks).toHaveText([12, 14, 16, 18, 20].map((n) => nameOf(prefix, n)));

  // A hand-edited link with nonsense in it still shows a page, using the defaults for what does not parse.
  const response = await page.goto(`/admin/api-tokens?q=${prefix}&page=abc&pageSize=7&sort=secretHash&dir=sideways&role=GOD&status=lost`);
  expect(response?.status()).toBe(200);
  await t.expectSummary(COUNT, "1 of 2");
  await expect(t.rows).toHaveCount(25);
});

// Names may contain `_`: the search escapes LIKE's wildcards (lib/lists/text-search.ts).
test("search matches '_' and '%' literally", async ({ page, asRole }) => {
  const prefix = `wild${randomSuffix()}`;
  const owner = await createUser({ role: "CONTRIBUTOR" });
  await seedServiceAccounts([
    { name: `${prefix}-ci-deploy`, role: "VIEWER", owner, description: `ships 100 percent of ${prefix}` },
    { name: `${prefix}-ci_deploy`, role: "VIEWER", owner, description: `ships 100% of ${prefix}` },
  ]);
  await asRole("ADMIN");
  const t = tokensTable(page);
  await page.goto(`/admin/api-tokens?q=${encodeURIComponent(`${prefix}-ci_deploy`)}`);
  await expect(t.nameLinks).toHaveText([`${prefix}-ci_deploy`]);
  await page.goto(`/admin/api-tokens?q=${encodeURIComponent(`${prefix}%deploy`)}`);
  await expect(page.getByText("No service accounts match.")).toBeVisible();
  await search(page, `100% of ${prefix}`);
  await expect(t.nameLinks).toHaveText([`${prefix}-ci_deploy`]);
});
