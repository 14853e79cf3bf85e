// The Add token and Rotate dialogs (issue 11): axe clean, usable by keyboard, focus back on the opener, and
// within a 390 px wide screen.
import { E2E_OWNER } from "../../playwright.config";
import { expectNoViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";

for (const width of [1440, 390]) {
  test(`Add token and Rotate at ${width} px: keyboard, focus, axe`, async ({ browser }) => {
    test.slow(); // two axe runs per dialog, two dialogs
    const context = await browser.newContext({ viewport: { width, height: 844 } });
    const page = await context.newPage();
    await signIn(page, E2E_OWNER);
    const account = await createServiceAccountWithToken("CONTRIBUTOR");
    await page.goto(`/admin/api-tokens/${account.accountId}`);
    await expectNoViolations(page, 'section[aria-labelledby="tokens-heading"]');

    const add = page.getByRole("button", { name: "Add token" });
    await add.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Add token" });
    await expect(dialog.getByLabel("Token ID")).toBeFocused();
    await page.keyboard.type("kbd");
    await dialog.getByLabel("Only these scopes").check();
    await dialog.getByLabel("Allowed IP ranges").fill("::/16");
    await expect(dialog.getByRole("status")).toBeVisible();
    await expectNoViolations(page, '[role="dialog"]');
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(add).toBeFocused();

    const rotate = page.getByRole("button", { name: /^Rotate token/ });
    await rotate.focus();
    await page.keyboard.press("Enter");
    const rotating = page.getByRole("dialog", { name: /^Rotate token/ });
    await rotating.getByLabel("Keeps working until").check();
    await rotating.getByLabel("New token expires").selectOption({ label: "Custom date" });
    await expectNoViolations(page, '[role="dialog"]');
    await page.keyboard.press("Escape");
    await expect(rotating).toBeHidden();
    await expect(rotate).toBeFocused();
    await context.close();
  });
}
