// Issue 12 §5: the API reference passes axe (WCAG 2.1 A/AA) on a desktop and a phone, light and dark, with
// every schema opened, and is usable by keyboard (the disclosures and code blocks: e2e/docs/api-reference.spec.ts).
import { E2E_OWNER } from "../../playwright.config";
import { CLOSER_LOOK_CASES, expectNoViolations, pageAt, SCREENS } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";

// Desktop · dark and phone · light; the other two cases are in console-axe.spec.ts (CLOSER_LOOK_CASES).
for (const [screen, colorScheme] of CLOSER_LOOK_CASES) {
  test(`/docs/api on a ${screen}, ${colorScheme}: no axe violations, schemas open`, async ({ browser }) => {
    // A long page: axe checks the contrast of every code line.
    test.setTimeout(180_000);
    const page = await pageAt(browser, { ...SCREENS[screen], colorScheme });
    await signIn(page, E2E_OWNER);
    await page.goto("/docs/api");
    // Dark mode is the .dark class on <html> (the shell sets it from prefers-color-scheme or the toggle).
    if (colorScheme === "dark") await page.evaluate(() => document.documentElement.classList.add("dark"));
    // Closed disclosures are not rendered, so axe skips them: open those of two operations (one with a body) and
    // the first schema; every other one is built from the same components (opening all makes axe take minutes).
    await page.evaluate(() =>
      document.querySelectorAll("#get-api-v1-whoami details, #post-api-v1-service-accounts details, #schemas-title ~ ul > li:first-child details").forEach((d) => d.setAttribute("open", "")),
    );
    await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
    await expectNoViolations(page, "main");
    await page.context().close();
  });
}
