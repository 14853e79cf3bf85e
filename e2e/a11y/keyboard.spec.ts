// Issue 12: the token life cycle by keyboard alone. Create → reveal (focus on Copy) → copy → Done (focus back on
// Create), then Regenerate and Delete from the account's menu, with focus checked after every dialog closes.
import type { Locator, Page } from "@playwright/test";
import { TOKEN_PATTERN, uniqueAccountName } from "../support/console-tokens";
import { expect, test } from "../support/fixtures";

test.use({ viewport: { width: 1440, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });

/** Presses Tab until `target` has focus (failing after `max` presses): the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Opens the ⋯ menu by keyboard and chooses the item, with the arrow keys. */
async function chooseFromMenu(page: Page, menuButton: Locator, item: RegExp) {
  await tabTo(page, menuButton);
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  const wanted = menu.getByRole("menuitem", { name: item });
  for (let i = 0; i < 6 && !(await wanted.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
  await expect(wanted).toBeFocused();
  await page.keyboard.press("Enter");
}

/** The reveal: focus is on the token's Copy (not the curl example's), Enter copies the token, Tab reaches Done. Returns the token. */
async function copyAndFinish(page: Page, dialog: Locator): Promise<string> {
  const copy = dialog.getByRole("button", { name: "Copy", exact: true });
  await expect(copy).toBeFocused();
  const value = await dialog.getByLabel("Access token").inputValue();
  expect(value).toMatch(TOKEN_PATTERN);
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("button", { name: /^Copied/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  await tabTo(page, dialog.getByRole("button", { name: "Done" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  return value;
}

test("create, reveal, copy, regenerate and delete an account by keyboard, with focus kept at every step", async ({ page, asRole }) => {
  test.slow(); // many steps, each a server round trip, on a shared machine
  await asRole("CONTRIBUTOR");
  const name = uniqueAccountName("kbd");
  await page.goto("/tokens");

  // The skip link comes first and lands on the page's content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#content")).toBeFocused();

  // Create → reveal → Copy → Done: focus back on Create.
  const create = page.getByRole("main").getByRole("button", { name: /^Create( new)?( API)? token$/i });
  await tabTo(page, create);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Token name")).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press("Enter"); // submits the form
  await expect(dialog.getByRole("heading", { name: "Copy your API token" })).toBeVisible();
  const first = await copyAndFinish(page, dialog);
  await expect(create).toBeFocused();

  // Regenerate from the row's menu: a new token revealed, focus back on the menu's button.
  const menuButton = page.getByRole("button", { name: `Actions for ${name}`, exact: true }).first();
  await expect(menuButton).toBeVisible();
  await chooseFromMenu(page, menuButton, /^Regenerate/);
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "Regenerate", exact: true }));
  await page.keyboard.press("Enter");
  const second = await copyAndFinish(page, dialog);
  expect(second).not.toBe(first);
  await expect(menuButton).toBeFocused();

  // Delete: Cancel first (focus back on the menu's button), then for real (the row is gone: focus on the content).
  await chooseFromMenu(page, menuButton, /^Delete/);
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "Cancel" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(menuButton).toBeFocused();

  await chooseFromMenu(page, menuButton, /^Delete/);
  await tabTo(page, dialog.getByRole("button", { name: /delete/i }).last());
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: `Actions for ${name}`, exact: true })).toHaveCount(0);
  await expect(page.locator("main#content")).toBeFocused();
  // And Tab carries on inside the page, not from the logo.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.getElementById("content")?.contains(document.activeElement))).toBe(true);
});
