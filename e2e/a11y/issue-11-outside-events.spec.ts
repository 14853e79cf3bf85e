// The console parts issue 11 §6 added to the Audit Log, checked with axe (WCAG 2.1 A/AA) at 390 px and by
// keyboard: the Action filter's "Outside events (ext.*)" choice and an outside event's panel (Reported by).
import { E2E_OWNER } from "../../playwright.config";
import { auditLog } from "../support/audit";
import { expectNoViolations } from "../support/axe";
import { expect, signIn, test } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken } from "../support/tokens";

test.use({ viewport: { width: 390, height: 844 } });

test("outside events: the filter choice and the event panel by keyboard at 390 px, no axe violations", async ({ browser, request }) => {
  const reporter = await createServiceAccountWithToken("INTROSPECTOR");
  const acting = await createServiceAccountWithToken("VIEWER");
  const reported = await apiClient(request, reporter.value).post("/api/v1/audit-events", { token: acting.value, action: "ext.a11y.checked", result: "failure" });
  expect(reported.status()).toBe(201);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, E2E_OWNER);
  const log = auditLog(page);
  await log.goto(`actor=${acting.accountId}`);

  await log.actionTrigger.focus();
  await page.keyboard.press("Enter");
  const outside = page.getByRole("dialog").getByRole("checkbox", { name: /^Outside events \(ext\.\*\)/ });
  await outside.focus();
  await page.keyboard.press("Space");
  await expect.poll(() => log.params("action")).toEqual(["ext.*"]);
  await expectNoViolations(page, '[role="dialog"]');
  await page.keyboard.press("Escape");
  await expect(log.actionTrigger).toBeFocused();
  await log.expectCount(1);

  await log.rows.first().getByRole("cell").nth(2).click();
  const panel = page.getByRole("dialog", { name: "ext.a11y.checked" });
  await expect(panel.locator("dd", { hasText: reporter.accountName })).toBeVisible();
  await expectNoViolations(page, '[role="dialog"]');
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await context.close();
});
