// Home (issue 12 §4) and the Usage section: axe (WCAG 2.1 A/AA) at desktop and phone in light and dark mode, within
// the screen's width, and by keyboard: Rotate and Revoke selected open and close with focus back on their opener.
import { E2E_OWNER } from "../../playwright.config";
import { CLOSER_LOOK_CASES, expectNoViolations, pageAt, SCREENS } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";
import { seedUsage } from "../home/support";

const DAY_MS = 86_400_000;

async function expectWithinWidth(page: import("@playwright/test").Page, selector: string, width: number) {
  for (const box of await page.locator(selector).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(width);
}

// Desktop · dark and phone · light; the other two cases are in console-axe.spec.ts (CLOSER_LOOK_CASES).
for (const [screenName, colorScheme] of CLOSER_LOOK_CASES) {
  const screen = SCREENS[screenName];
  test(`home and usage at ${screenName} (${colorScheme}): axe, width, keyboard`, async ({ browser }) => {
    test.slow();
    const page = await pageAt(browser, { ...screen, colorScheme });
    await signIn(page, E2E_OWNER);
    const expiring = await createServiceAccountWithToken("CONTRIBUTOR", { expiresAt: new Date(Date.now() + 4 * DAY_MS) });
    await createServiceAccountWithToken("VIEWER"); // no expiry: a review row
    await seedUsage(expiring.tokenId, 1, 12);

    await page.goto("/?scope=all");
    await expect(page.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
    await expectNoViolations(page);
    await expectWithinWidth(page, "main section", screen.width);

    const rotate = page.getByRole("region", { name: "Expiring within 7 days", exact: true }).getByRole("button", { name: /^Rotate token/ }).first();
    await rotate.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: /^Rotate token/ });
    await expect(dialog).toBeVisible();
    await expectNoViolations(page, '[role="dialog"]');
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(rotate).toBeFocused();

    const review = page.getByRole("region", { name: /^Tokens without expiry/ });
    const box = review.getByRole("checkbox").nth(1);
    await box.focus();
    await page.keyboard.press("Space");
    const revoke = review.getByRole("button", { name: /^Revoke selected/ });
    await revoke.focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("dialog", { name: "Revoke 1 token?" });
    await expect(confirm).toBeVisible();
    await expectNoViolations(page, '[role="dialog"]');
    await page.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
    await expect(revoke).toBeFocused();

    await page.goto(`/admin/api-tokens/${expiring.accountId}`);
    const usage = page.getByRole("region", { name: "Usage" });
    await expect(usage.getByTestId("usage-summary")).toContainText("12 requests");
    await expectNoViolations(page, 'section[aria-labelledby="usage-heading"]');
    await expectWithinWidth(page, 'section[aria-labelledby="usage-heading"] > *', screen.width);
    const ninety = usage.getByRole("button", { name: "90 days" });
    await ninety.focus();
    await page.keyboard.press("Enter");
    await expect(ninety).toHaveAttribute("aria-pressed", "true");
    await page.context().close();
  });
}
