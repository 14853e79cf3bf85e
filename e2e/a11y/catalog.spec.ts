// Issue 11's Scopes and Resources pages, their dialogs and the Access section of an account's page: axe (WCAG 2.1
// A/AA) at desktop width and at 390 px, and keyboard use with focus given back to what opened each dialog.
import type { Browser, Page } from "@playwright/test";
import { E2E_OWNER } from "../../playwright.config";
import { seedResource, uniqueName } from "../support/catalog";
import { db } from "../support/db";
import { expectNoViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";

async function ownerPage(browser: Browser, width: number) {
  // AxeBuilder needs a page of a context made with browser.newContext() (not the default page).
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, E2E_OWNER);
  return { page, context };
}

/** Opens a dialog with the button, checks it with axe, closes it with Escape and expects focus back on the button. */
async function checkDialog(page: Page, button: ReturnType<Page["getByRole"]>, title: string) {
  await button.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(":focus")).toHaveCount(1);
  await expectNoViolations(page, '[role="dialog"]');
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
}

/** A custom scope, an application resource, and an account holding viewer on it. */
async function seedCatalog() {
  const scope = `ax:${uniqueName("scope")}`;
  await db().query(`INSERT INTO "Scope" (name, description, "updatedAt") VALUES ($1, 'For axe', now())`, [scope]);
  const resource = await seedResource("application");
  const account = await createServiceAccountWithToken("CONTRIBUTOR");
  await db().query(`INSERT INTO "ResourceGrant" ("serviceAccountId", "resourceId", role) VALUES ($1, $2, 'viewer')`, [account.accountId, resource.id]);
  return { scope, resource, account };
}

for (const width of [1440, 390]) {
  test.describe(`at ${width} px`, () => {
    // Each runs axe four times; on a loaded two-core machine that alone can take most of a minute.
    test.describe.configure({ timeout: 150_000 });
    test("Scopes: the page and its dialogs have no axe violations, and each dialog gives focus back", async ({ browser }) => {
      const { page, context } = await ownerPage(browser, width);
      const { scope } = await seedCatalog();
      await page.goto("/admin/scopes");
      await expect(page.getByRole("table", { name: "Custom scopes" })).toContainText(scope);
      // The page, not the shell around it (the navigation's section labels are the shell's, checked elsewhere).
      await expectNoViolations(page, "main");
      await checkDialog(page, page.getByRole("button", { name: "New scope" }), "New scope");
      await checkDialog(page, page.getByRole("button", { name: `Edit ${scope}` }), "Edit scope");
      await checkDialog(page, page.getByRole("button", { name: `Archive ${scope}` }), `Archive ${scope}?`);
      await context.close();
    });

    test("Resources: the page and its dialogs have no axe violations, and each dialog gives focus back", async ({ browser }) => {
      const { page, context } = await ownerPage(browser, width);
      const { resource } = await seedCatalog();
      await page.goto("/admin/resources");
      await expect(page.getByRole("region", { name: "application", exact: true })).toContainText(resource.name);
      await expectNoViolations(page, "main");
      await checkDialog(page, page.getByRole("button", { name: "New resource type" }), "New resource type");
      await checkDialog(page, page.getByRole("button", { name: "Edit roles of application" }), "Edit roles");
      await checkDialog(page, page.getByRole("button", { name: "Add resource to application" }), "Add application resource");
      await checkDialog(page, page.getByRole("button", { name: `Archive application ${resource.name}` }), `Archive application ${resource.name}?`);
      await context.close();
    });

    test("Access: the section and its dialogs have no axe violations, and each dialog gives focus back", async ({ browser }) => {
      const { page, context } = await ownerPage(browser, width);
      const { resource, account } = await seedCatalog();
      await page.goto(`/admin/api-tokens/${account.accountId}`);
      const access = page.getByRole("region", { name: "Access" });
      await expect(access).toContainText(resource.name);
      await expectNoViolations(page, 'section[aria-labelledby="access-heading"]');
      await checkDialog(page, access.getByRole("button", { name: "Grant access" }), "Grant access");
      await checkDialog(page, access.getByRole("button", { name: `Change role on application ${resource.name}` }), "Change role");
      await checkDialog(page, access.getByRole("button", { name: `Remove viewer on application ${resource.name}` }), `Remove viewer on application ${resource.name}?`);
      await context.close();
    });
  });
}

test("by keyboard alone: create a scope, grant a role and remove it; focus lands back on the opener", async ({ browser }) => {
  const { page, context } = await ownerPage(browser, 1440);
  const scope = `kb:${uniqueName("scope")}`;
  await page.goto("/admin/scopes");
  const newScope = page.getByRole("button", { name: "New scope" });
  await newScope.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "New scope" });
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await page.keyboard.type(scope);
  await page.keyboard.press("Enter"); // submits the form
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("table", { name: "Custom scopes" })).toContainText(scope);
  await expect(newScope).toBeFocused();

  const resource = await seedResource("environment-type");
  const account = await createServiceAccountWithToken("VIEWER");
  await page.goto(`/admin/api-tokens/${account.accountId}`);
  const access = page.getByRole("region", { name: "Access" });
  const grant = access.getByRole("button", { name: "Grant access" });
  await grant.focus();
  await page.keyboard.press("Enter");
  const grantDialog = page.getByRole("dialog", { name: "Grant access" });
  await grantDialog.getByLabel("Resource type").selectOption("environment-type");
  await grantDialog.getByLabel("Resource", { exact: true }).selectOption(resource.name);
  await grantDialog.getByRole("button", { name: "Grant", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(grantDialog).toBeHidden();
  await expect(access.getByRole("row").filter({ hasText: resource.name })).toContainText("deployer");
  await expect(grant).toBeFocused();

  // Removing the row removes its button: focus goes to Grant access rather than being lost.
  await access.getByRole("button", { name: `Remove deployer on environment-type ${resource.name}` }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: /^Remove deployer/ }).getByRole("button", { name: "Remove" }).press("Enter");
  await expect(access).toContainText("No grants");
  await expect(grant).toBeFocused();
  await context.close();
});
