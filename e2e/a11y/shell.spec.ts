// Issue 12: the console's shell. The phone's navigation drawer, the skip link, dark mode kept per browser and
// applied before the first paint, sign-in returning to a deep link (and nowhere else), and the 404 page.
import type { Page } from "@playwright/test";
import { E2E_OWNER } from "../../playwright.config";
import { createUser } from "../support/db";
import { expect, test } from "../support/fixtures";

async function signInThroughForm(page: Page, user: { email: string; password: string }) {
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("below 1024 px the navigation is a drawer: Escape gives focus back to Menu, a link closes it", async ({ page, asRole }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await asRole("VIEWER");
  await page.goto("/tokens");
  await expect(page.getByRole("complementary")).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await menu.focus();
  await page.keyboard.press("Enter");
  const drawer = page.getByRole("dialog", { name: "Menu" });
  const nav = drawer.getByRole("navigation", { name: "Main" });
  // Named by what they hold: a viewer administers nothing.
  await expect(nav.getByRole("link")).toHaveText(["Home", "My tokens", "Notifications", "API reference"]);
  await expect(drawer.getByText("Admin", { exact: true })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await drawer.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(drawer).toBeHidden();
  await expect(menu).toBeFocused();

  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole("complementary").getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(menu).toBeHidden();
});

test("the theme choice is kept per browser and applied before the first paint", async ({ page, asRole }) => {
  await asRole("VIEWER");
  // What <html> says when the document is parsed, before any React code runs.
  await page.addInitScript(() =>
    document.addEventListener("DOMContentLoaded", () => {
      (window as unknown as { darkAtParse: boolean }).darkAtParse = document.documentElement.classList.contains("dark");
    }),
  );
  const darkAtParse = () => page.evaluate(() => (window as unknown as { darkAtParse: boolean }).darkAtParse);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/tokens");
  expect(await darkAtParse()).toBe(false);

  const theme = page.getByRole("button", { name: /^Theme/ });
  await theme.click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(theme).toHaveAccessibleName("Theme: Dark");
  await page.reload();
  expect(await darkAtParse()).toBe(true);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background, "the page itself is dark").not.toBe("rgb(248, 250, 252)");

  // System follows prefers-color-scheme, live.
  await page.getByRole("button", { name: /^Theme/ }).click();
  await page.getByRole("menuitemradio", { name: "System" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.reload();
  expect(await darkAtParse()).toBe(true);
});

test("a signed-out deep link returns to its page after sign-in", async ({ page }) => {
  const auditor = await createUser({ role: "AUDITOR" });
  await page.goto("/admin/audit-log?actor=x");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faudit-log%3Factor%3Dx$/);
  await signInThroughForm(page, auditor);
  await expect(page).toHaveURL(/\/admin\/audit-log\?actor=x$/);
});

test("sign-in goes nowhere outside the console, and lands by role", async ({ browser }) => {
  const contributor = await createUser({ role: "CONTRIBUTOR" });
  for (const callbackUrl of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await signInThroughForm(page, contributor);
    await expect(page, callbackUrl).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/tokens$/);
    await context.close();
  }
  // An owner lands on Home.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  const home = page.waitForRequest((request) => new URL(request.url()).pathname === "/");
  await signInThroughForm(page, E2E_OWNER);
  await home;
  await context.close();
});

test("an unknown address and an unknown account answer 404 inside the console, with a way home", async ({ page, asRole }) => {
  await asRole("VIEWER");
  for (const path of ["/no-such-page", "/admin/api-tokens/00000000-0000-4000-8000-000000000000"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Go to Home" })).toHaveAttribute("href", "/");
  }
});
