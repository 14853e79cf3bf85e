// Issue 12: axe (WCAG 2.1 A/AA) on every list of the console, at desktop and phone sizes, light and dark, with
// long real-looking data; and the list's keyboard path: search, a row's name, its times' tooltips.
import { E2E_OWNER } from "../../playwright.config";
import { CLOSER_LOOK_CASES, expectNoViolations, pageAt, SCREENS } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";
import { longAccount, longOwner } from "../lists/seed";

// Desktop · dark and phone · light; the other two cases are in console-axe.spec.ts (CLOSER_LOOK_CASES).
for (const [size, colorScheme] of CLOSER_LOOK_CASES) {
  test(`lists at ${size}, ${colorScheme}: no axe violations`, async ({ browser }) => {
    test.slow();
    const owner = await longOwner();
    const account = await longAccount(owner);
    const page = await pageAt(browser, { ...SCREENS[size], colorScheme });
    await signIn(page, E2E_OWNER);
    for (const path of [
      `/admin/api-tokens?ownerId=${owner.id}`,
      "/tokens",
      `/admin/api-tokens/${account.accountId}`,
      "/admin/users",
      "/admin/audit-log",
      "/admin/scopes",
      "/admin/resources",
    ]) {
      await page.goto(path);
      await expect(page.locator("main table").first()).toBeVisible();
      await expectNoViolations(page, "main");
    }
    // A tooltip open on a focused time is checked too.
    await page.goto(`/admin/api-tokens?ownerId=${owner.id}`);
    await page.locator('main td[data-label="Expires"] [tabindex="0"]').first().focus();
    await expect(page.getByRole("tooltip")).toBeVisible();
    await expectNoViolations(page);
    await page.context().close();
  });
}
