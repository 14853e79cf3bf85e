// The console surfaces issue 9 added, checked with axe (WCAG 2.1 A/AA rules) and driven by keyboard alone: the
// disable and change-role dialogs with their handover, the token policy switch, the signed checkpoints section.
import { E2E_OWNER } from "../../playwright.config";
import { createUser } from "../support/db";
import { expectNoViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";

// AxeBuilder needs a page of a context made with browser.newContext() (not the default page).
test.use({ viewport: { width: 1440, height: 900 } });

test("the disable dialog with its handover: keyboard only, focus kept, no axe violations", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, E2E_OWNER);
  const leaver = await createUser({ role: "CONTRIBUTOR", name: "Keyboard Leaver" });
  const account = await createServiceAccountWithToken("VIEWER", { owner: leaver });
  await page.goto(`/admin/users?q=${encodeURIComponent(leaver.email)}`);

  const trigger = page.getByRole("button", { name: `Actions for ${leaver.email}` });
  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Disable user" })).toBeVisible();
  // Change role, Disable user: the second item.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Disable user" })).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Disable ${leaver.name}?` });
  await expect(dialog.getByText(account.accountName)).toBeVisible();
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await expectNoViolations(page, '[role="dialog"]');

  // Tab stays inside the dialog: through the select and the buttons, and round again.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    await expect(dialog.locator(":focus")).toHaveCount(1);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
  await context.close();
});

test("the change-role dialog, the token policy and the signed checkpoints have no axe violations", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, E2E_OWNER);
  const user = await createUser({ role: "CONTRIBUTOR", name: "Role Axe" });
  await createServiceAccountWithToken("CONTRIBUTOR", { owner: user });
  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  await page.getByRole("button", { name: `Actions for ${user.email}` }).click();
  await page.getByRole("menuitem", { name: "Change role" }).click();
  const dialog = page.getByRole("dialog", { name: "Change role" });
  await dialog.getByLabel("Role", { exact: true }).selectOption({ label: "Viewer" });
  await expect(dialog.getByText("out of reach as Viewer")).toBeVisible();
  await expectNoViolations(page, '[role="dialog"]');
  await page.keyboard.press("Escape");

  await page.goto("/admin/api-tokens");
  await expect(page.getByRole("region", { name: "Token policy" })).toBeVisible();
  await expectNoViolations(page, 'section[aria-labelledby="token-policy-heading"]');

  await page.goto("/admin/audit-log");
  const checkpoints = page.getByRole("heading", { name: "Signed checkpoints" });
  await expect(checkpoints).toBeVisible();
  await expectNoViolations(page, `section[aria-labelledby="checkpoints-heading"]`);
  await context.close();
});

test("a dialog opened from an API token's row menu gives focus back to the menu button", async ({ page, asRole }) => {
  await asRole("ADMIN");
  const account = await createServiceAccountWithToken("VIEWER");
  await page.goto(`/admin/api-tokens?q=${account.accountName}`);
  const trigger = page.getByRole("button", { name: `Actions for ${account.accountName}` });
  await trigger.click();
  await page.getByRole("menuitem", { name: "Edit service account" }).click();
  await expect(page.getByRole("dialog", { name: "Edit service account" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(trigger).toBeFocused();
});
