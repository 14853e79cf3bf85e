// The Users table keeps its search, filters, sort and page in the URL, and the server does the work.
import type { Page } from "@playwright/test";
import { createUser, randomSuffix, type Role, type UserStatus } from "./support/db";
import { expect, test } from "./support/fixtures";

const COUNT = 30;
const pad = (n: number) => String(n).padStart(2, "0");

/** 30 users sharing a name prefix no other test uses: 01–10 auditors, the rest viewers, 01–03 disabled. */
async function seedNamedUsers(prefix: string) {
  const password = `e2e-table-password-${randomSuffix()}`; // one argon2 hash for all of them
  for (let n = 1; n <= COUNT; n++) {
    const role: Role = n <= 10 ? "AUDITOR" : "VIEWER";
    const status: UserStatus = n <= 3 ? "DISABLED" : "ACTIVE";
    await createUser({ role, status, name: `${prefix} ${pad(n)}`, password });
  }
}

const names = (from: number, to: number, prefix: string) =>
  Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => `${prefix} ${pad(from < to ? from + i : from - i)}`);

function table(page: Page) {
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  return {
    pagination,
    rows: page.locator("tbody tr"),
    nameCells: page.locator("tbody tr td:first-child"),
    /** The URL's query, where the table keeps its state. */
    param: (name: string) => new URL(page.url()).searchParams.get(name),
    expectSummary: async (total: number, pageOf: string) => {
      await expect(pagination.getByText(`${total} users`, { exact: true })).toBeVisible();
      await expect(pagination.getByText(`Page ${pageOf}`, { exact: true })).toBeVisible();
    },
  };
}

test("search, paging and sorting go through the URL", async ({ page, asRole }) => {
  const prefix = `Pager${randomSuffix()}`;
  await seedNamedUsers(prefix);
  await asRole("ADMIN");
  const t = table(page);

  await page.goto("/admin/users");
  await page.getByRole("searchbox", { name: "Search users" }).fill(prefix.toLowerCase()); // case-insensitive
  await expect.poll(() => t.param("q")).toBe(prefix.toLowerCase());
  await t.expectSummary(COUNT, "1 of 2");
  await expect(t.rows).toHaveCount(25);

  await t.pagination.getByRole("button", { name: "Next" }).click();
  await expect.poll(() => t.param("page")).toBe("2");
  await t.expectSummary(COUNT, "2 of 2");
  await expect(t.rows).toHaveCount(5);
  await expect(t.pagination.getByRole("button", { name: "Next" })).toBeDisabled();

  // A new sort starts again from page 1.
  await page.getByRole("columnheader", { name: "Name" }).getByRole("button").click();
  await expect.poll(() => [t.param("sort"), t.param("dir"), t.param("page")]).toEqual(["name", "asc", "1"]);
  await expect(t.nameCells).toHaveText(names(1, 25, prefix));
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");

  await page.getByRole("columnheader", { name: "Name" }).getByRole("button").click();
  await expect.poll(() => t.param("dir")).toBe("desc");
  await expect(t.nameCells).toHaveText(names(30, 6, prefix));

  await t.pagination.getByLabel("Rows per page").selectOption("10");
  await expect.poll(() => t.param("pageSize")).toBe("10");
  await t.expectSummary(COUNT, "1 of 3");
  await expect(t.nameCells).toHaveText(names(30, 21, prefix));
});

test("role and status filters narrow the list, and a shared link opens the same page", async ({ page, asRole }) => {
  const prefix = `Filter${randomSuffix()}`;
  await seedNamedUsers(prefix);
  await asRole("ADMIN");
  const t = table(page);

  await page.goto(`/admin/users?q=${prefix}`);
  await page.getByLabel("Role filter").selectOption({ label: "Auditor" });
  await expect.poll(() => t.param("role")).toBe("AUDITOR");
  await t.expectSummary(10, "1 of 1");

  await page.getByLabel("Status filter").selectOption({ label: "Disabled" });
  await expect.poll(() => t.param("status")).toBe("DISABLED");
  await t.expectSummary(3, "1 of 1");
  await expect(t.rows.getByRole("cell", { name: "Disabled", exact: true })).toHaveCount(3);
  expect(t.param("q")).toBe(prefix);

  await page.goto(`/admin/users?q=${prefix}&sort=name&dir=asc&page=2&pageSize=10`);
  await t.expectSummary(COUNT, "2 of 3");
  await expect(t.nameCells).toHaveText(names(11, 20, prefix));
  await expect(page.getByRole("searchbox", { name: "Search users" })).toHaveValue(prefix);

  // A hand-edited link with nonsense in it still shows a page, using the defaults for what does not parse.
  const response = await page.goto(`/admin/users?q=${prefix}&page=abc&pageSize=7&sort=passwordHash&dir=sideways&role=GOD`);
  expect(response?.status()).toBe(200);
  await t.expectSummary(COUNT, "1 of 2");
  await expect(t.rows).toHaveCount(25);
});
