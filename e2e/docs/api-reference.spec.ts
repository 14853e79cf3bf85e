// Issue 12 §5: the API reference (/docs/api) shows per operation its permission and scope, a curl example that
// works as written, example responses and error codes; long schemas collapse and open by keyboard; code blocks
// are reachable by keyboard; nothing is wider than a 390 px phone.
import type { Page } from "@playwright/test";
import { E2E_OWNER } from "../../playwright.config";
import { expect, signIn, test } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken } from "../support/tokens";

const operation = (page: Page, method: string, path: string) => page.getByRole("region", { name: `${method} ${path}`, exact: true });

test.beforeEach(async ({ page }) => {
  await signIn(page, E2E_OWNER);
  await page.goto("/docs/api");
});

test("each operation states the permission, token roles and scope the server checks", async ({ page }) => {
  const create = operation(page, "POST", "/api/v1/service-accounts");
  await expect(create.getByRole("definition").nth(0)).toHaveText("service_accounts.create");
  await expect(create.getByRole("definition").nth(1)).toHaveText("ADMIN, CONTRIBUTOR");
  await expect(create.getByRole("definition").nth(2)).toHaveText("service_accounts:write");
  // A route's own scope wins over its permission's (token operations say tokens:write).
  await expect(operation(page, "POST", "/api/v1/tokens/{id}/rotate").getByRole("definition").nth(2)).toHaveText("tokens:write");
  await expect(operation(page, "GET", "/api/v1/whoami").getByRole("definition").nth(0)).toHaveText("None: any valid token");
  await expect(operation(page, "GET", "/api/health")).toContainText("No token needed.");
  // Error codes: the shared ones and the operation's own.
  const codes = create.getByRole("list", { name: "Error codes of POST /api/v1/service-accounts" });
  for (const code of ["401 unauthenticated", "403 insufficient_scope", "409 conflict", "422 validation", "503 unavailable"]) await expect(codes).toContainText(code);
  await expect(operation(page, "GET", "/api/v1/whoami").getByRole("list", { name: /Error codes/ })).not.toContainText("409 conflict");
});

test("the curl example has the method, this console's URL, the token header, and a body the API accepts", async ({ page, request, baseURL }) => {
  const whoami = await operation(page, "GET", "/api/v1/whoami").getByRole("region", { name: "curl example of GET /api/v1/whoami" }).textContent();
  expect(whoami).toContain(`curl '${baseURL}/api/v1/whoami'`);
  expect(whoami).toContain("-H 'Authorization: Bearer kh_…'");

  const curl = (await operation(page, "POST", "/api/v1/service-accounts").getByRole("region", { name: "curl example of POST /api/v1/service-accounts" }).textContent())!;
  expect(curl).toContain(`curl -X POST '${baseURL}/api/v1/service-accounts'`);
  expect(curl).toContain("-H 'Content-Type: application/json'");
  const body = JSON.parse(curl.slice(curl.indexOf("-d '") + 4, curl.lastIndexOf("'"))) as Record<string, unknown>;
  expect(body).toMatchObject({ name: expect.any(String), role: expect.any(String) });
  // As written, but for what must name real things here: a new name, an existing owner.
  const admin = await createServiceAccountWithToken("ADMIN");
  const created = await apiClient(request, admin.value).post("/api/v1/service-accounts", { ...body, name: `${body.name}-${Date.now()}`, owner: E2E_OWNER.email });
  expect(created.status(), await created.text()).toBe(201);

  const path = await operation(page, "GET", "/api/v1/service-accounts/{id}").getByRole("region", { name: /^curl example/ }).textContent();
  expect(path).toMatch(new RegExp(`curl '${baseURL}/api/v1/service-accounts/[0-9a-f-]{36}'`));
  const health = await operation(page, "GET", "/api/health").getByRole("region", { name: /^curl example/ }).textContent();
  expect(health).not.toContain("Authorization");
});

test("a long schema starts collapsed and opens and closes from the keyboard", async ({ page }) => {
  const create = operation(page, "POST", "/api/v1/service-accounts");
  const summary = create.getByText(/^Request body schema \(\d+ lines\)$/);
  const schema = create.getByRole("region", { name: "Request body schema of POST /api/v1/service-accounts" });
  await expect(schema).toBeHidden();
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(schema).toBeVisible();
  await expect(schema).toContainText('"additionalProperties": false');
  await page.keyboard.press("Space");
  await expect(schema).toBeHidden();
  // A short one is open from the start, with an example response beside it.
  await expect(operation(page, "GET", "/api/v1/whoami").getByRole("region", { name: "Example 200 response of GET /api/v1/whoami" })).toContainText('"serviceAccount"');
});

test("code blocks are reached and scrolled by keyboard, and nothing is wider than a 390 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/docs/api");
  const create = operation(page, "POST", "/api/v1/service-accounts");
  const curl = create.getByRole("region", { name: "curl example of POST /api/v1/service-accounts" });
  // Tab from the control just before it (the last link of the access list has none: start at the section's first focusable).
  await create.getByRole("heading", { level: 3 }).scrollIntoViewIfNeeded();
  await curl.focus();
  await expect(curl).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(curl).toBeFocused();
  const before = await curl.evaluate((el) => el.scrollLeft);
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => curl.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);

  // Open every disclosure, then measure: the page's column scrolls nothing sideways and no element sticks out.
  await page.evaluate(() => document.querySelectorAll("main details").forEach((d) => d.setAttribute("open", "")));
  const overflow = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    const wide = [...main.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.parentElement?.closest("pre"));
    return { main: main.scrollWidth - main.clientWidth, wide: wide.slice(0, 5).map((el) => el.outerHTML.slice(0, 120)) };
  });
  expect(overflow).toEqual({ main: 0, wide: [] });
});
