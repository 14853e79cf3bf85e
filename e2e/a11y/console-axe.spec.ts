// Issue 12: axe (WCAG 2.1 A/AA) on every console page and on every dialog, menu and panel they open, at desktop and
// phone size, in light and dark mode: one test per case, generated from the lists below. Each phone case also
// checks that nothing is wider than the screen, and each surface that Escape gives focus back to what opened it.
// (A surface is checked to lie within the screen; the page behind it has its own case.)
// Each page and surface is checked at both sizes and in both schemes in two cases, desktop · light and
// phone · dark, rather than four, which keeps the suite near 5 minutes on CI's two workers.
// Names are matched loosely (roles first): other work renames buttons; a failure names the case.
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { E2E_OWNER } from "../../playwright.config";
import { expectNoViolations, SCREENS, type Screen } from "../support/axe";
import { seedResource, uniqueName } from "../support/catalog";
import { createUser, db, type SeededUser } from "../support/db";
import { expect, signIn, test } from "../support/fixtures";
import { createServiceAccountWithToken, type SeededToken } from "../support/tokens";

type Seed = { account: SeededToken; user: SeededUser; scope: string };
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

const VIEWS = { desktop: SCREENS.desktop, phone: SCREENS.phone } satisfies Record<string, Screen>;
const SCHEMES = ["light", "dark"] as const;

type PageCase = { name: string; path: (seed: Seed) => string; signedOut?: boolean };

const PAGES: readonly PageCase[] = [
  { name: "Home", path: () => "/" },
  { name: "My tokens", path: () => "/tokens" },
  { name: "Notifications", path: () => "/notifications" },
  { name: "API Tokens", path: () => "/admin/api-tokens" },
  { name: "an account's page", path: (s) => `/admin/api-tokens/${s.account.accountId}` },
  { name: "Audit Log", path: () => "/admin/audit-log" },
  { name: "Users", path: () => "/admin/users" },
  { name: "Scopes", path: () => "/admin/scopes" },
  { name: "Resources", path: () => "/admin/resources" },
  { name: "Settings", path: () => "/admin/settings" },
  { name: "Webhooks", path: () => "/admin/webhooks" },
  { name: "API reference", path: () => "/docs/api" },
  { name: "Sign in", path: () => "/login", signedOut: true },
  { name: "404", path: () => "/no-such-page" },
];

/** A dialog, menu or panel: where it is opened, how, and the control focus goes back to when it closes. */
type SurfaceCase = {
  name: string;
  path: (seed: Seed) => string;
  open: (page: Page, seed: Seed) => Promise<{ surface: Locator; opener: Locator; selector: string }>;
  only?: keyof typeof VIEWS;
};

const accountsOf = (s: Seed) => `/admin/api-tokens?q=${encodeURIComponent(s.account.accountName)}`;
const accountPage = (s: Seed) => `/admin/api-tokens/${s.account.accountId}`;
const usersOf = (s: Seed) => `/admin/users?q=${encodeURIComponent(s.user.email)}`;

/** Presses `button` (by keyboard, as the focus check needs) and finds the dialog or menu it opened. */
async function openWith(page: Page, button: Locator, role: "dialog" | "menu" = "dialog") {
  await button.focus();
  await page.keyboard.press("Enter");
  const surface = page.getByRole(role);
  await expect(surface).toBeVisible();
  return { surface, opener: button, selector: `[role="${role}"]` };
}

/** An item of a ⋯ menu: the dialog it opens gives focus back to the menu's button. */
async function menuItem(page: Page, menuButton: Locator, item: RegExp) {
  await openWith(page, menuButton, "menu");
  await page.getByRole("menuitem", { name: item }).click();
  const surface = page.getByRole("dialog");
  await expect(surface).toBeVisible();
  return { surface, opener: menuButton, selector: '[role="dialog"]' };
}

const accountMenu = (page: Page, s: Seed) => page.getByRole("button", { name: `Actions for ${s.account.accountName}`, exact: true }).first();
const userMenu = (page: Page, s: Seed) => page.getByRole("button", { name: `Actions for ${s.user.email}`, exact: true });

const SURFACES: readonly SurfaceCase[] = [
  { name: "the navigation drawer", path: () => "/tokens", open: (p) => openWith(p, p.getByRole("button", { name: "Menu", exact: true })), only: "phone" },
  { name: "the theme menu", path: () => "/tokens", open: (p) => openWith(p, p.getByRole("button", { name: /^Theme/ }), "menu") },
  { name: "an account's row menu", path: accountsOf, open: (p, s) => openWith(p, accountMenu(p, s), "menu") },
  { name: "Create", path: () => "/admin/api-tokens", open: (p) => openWith(p, p.getByRole("main").getByRole("button", { name: /^Create( new)?( API)? token$/i })) },
  { name: "Edit service account", path: accountsOf, open: (p, s) => menuItem(p, accountMenu(p, s), /^Edit service account/) },
  { name: "Regenerate", path: accountsOf, open: (p, s) => menuItem(p, accountMenu(p, s), /^Regenerate/) },
  { name: "Delete", path: accountsOf, open: (p, s) => menuItem(p, accountMenu(p, s), /^Delete/) },
  { name: "Add token", path: accountPage, open: (p) => openWith(p, p.getByRole("button", { name: /^Add token/ })) },
  { name: "Rotate", path: accountPage, open: (p) => openWith(p, p.getByRole("button", { name: /^Rotate token/ }).first()) },
  { name: "Revoke", path: accountPage, open: (p) => openWith(p, p.getByRole("button", { name: /^Revoke token/ }).first()) },
  { name: "Grant access", path: accountPage, open: (p) => openWith(p, p.getByRole("button", { name: "Grant access" })) },
  { name: "Add user", path: () => "/admin/users", open: (p) => openWith(p, p.getByRole("button", { name: "Add user" })) },
  { name: "a user's row menu", path: usersOf, open: (p, s) => openWith(p, userMenu(p, s), "menu") },
  { name: "Change role", path: usersOf, open: (p, s) => menuItem(p, userMenu(p, s), /^Change role/) },
  { name: "Disable", path: usersOf, open: (p, s) => menuItem(p, userMenu(p, s), /^Disable/) },
  {
    name: "the audit event panel",
    path: () => "/admin/audit-log",
    open: (p) => openWith(p, p.getByRole("button", { name: /details of event/ }).first()),
  },
  { name: "New scope", path: () => "/admin/scopes", open: (p) => openWith(p, p.getByRole("button", { name: "New scope" })) },
  { name: "Add webhook endpoint", path: () => "/admin/webhooks", open: (p) => openWith(p, p.getByRole("button", { name: "Add endpoint" })) },
  { name: "Edit scope", path: () => "/admin/scopes", open: (p, s) => openWith(p, p.getByRole("button", { name: `Edit ${s.scope}` })) },
  { name: "New resource type", path: () => "/admin/resources", open: (p) => openWith(p, p.getByRole("button", { name: "New resource type" })) },
  { name: "Add resource", path: () => "/admin/resources", open: (p) => openWith(p, p.getByRole("button", { name: "Add resource to application" })) },
];

// Shared by every case of a worker: the data is only looked at (no dialog here is confirmed), and one sign-in.
let seed: Seed;
let ownerState: StorageState;

// On two shared cores an axe run can take tens of seconds.
test.describe.configure({ mode: "parallel", timeout: 120_000 });

test.beforeAll(async ({ browser }) => {
  const user = await createUser({ role: "CONTRIBUTOR", name: "Axe Person" });
  const account = await createServiceAccountWithToken("CONTRIBUTOR", { owner: user });
  const scope = `axe:${uniqueName("scope")}`;
  await db().query(`INSERT INTO "Scope" (name, description, "updatedAt") VALUES ($1, 'For the axe suite', now())`, [scope]);
  const resource = await seedResource("application");
  await db().query(`INSERT INTO "ResourceGrant" ("serviceAccountId", "resourceId", role) VALUES ($1, $2, 'viewer')`, [account.accountId, resource.id]);
  seed = { account, user, scope };
  const context = await browser.newContext();
  await signIn(await context.newPage(), E2E_OWNER);
  ownerState = await context.storageState();
  await context.close();
});

async function open(browser: Browser, screen: Screen, colorScheme: "light" | "dark", signedOut = false): Promise<Page> {
  // AxeBuilder needs a page of a context made with browser.newContext() (not the default page).
  const context = await browser.newContext({ viewport: screen, colorScheme, storageState: signedOut ? undefined : ownerState });
  return context.newPage();
}

async function loaded(page: Page, path: string, colorScheme: "light" | "dark") {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // The theme script ran before the first paint: the page is in the scheme asked for.
  await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

async function expectWithinScreen(surface: Locator, screen: Screen) {
  const box = await surface.boundingBox();
  expect(box!.x, "it starts on the screen").toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, "it ends on the screen").toBeLessThanOrEqual(screen.width);
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, "the page is no wider than the screen").toBeLessThanOrEqual(innerWidth);
}

for (const [view, screen] of Object.entries(VIEWS)) {
  for (const scheme of SCHEMES) {
    if ((view === "desktop") !== (scheme === "light")) continue;
    for (const { name, path, signedOut } of PAGES) {
      test(`page ${name} · ${view} · ${scheme}`, async ({ browser }) => {
        const page = await open(browser, screen, scheme, signedOut);
        await loaded(page, path(seed), scheme);
        await expectNoViolations(page);
        if (view === "phone") await expectNoSidewaysScroll(page);
        await page.context().close();
      });
    }
    for (const { name, path, open: openSurface, only } of SURFACES) {
      if (only && only !== view) continue;
      test(`surface ${name} · ${view} · ${scheme}`, async ({ browser }) => {
        const page = await open(browser, screen, scheme);
        await loaded(page, path(seed), scheme);
        const { surface, opener, selector } = await openSurface(page, seed);
        await expectNoViolations(page, selector); // the page behind it has its own case
        if (view === "phone") await expectWithinScreen(surface, screen);
        await page.keyboard.press("Escape");
        await expect(surface).toBeHidden();
        await expect(opener, "focus is back on what opened it").toBeFocused();
        await page.context().close();
      });
    }
  }
}
