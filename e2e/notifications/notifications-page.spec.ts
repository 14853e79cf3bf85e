// The Notifications page (every signed-in person) and Admin → Settings → Notifications with email off (the
// suite's server has no SMTP): axe at desktop width and at 390 px, and the switches by keyboard.
import { E2E_OWNER } from "../../playwright.config";
import { expectNoViolations, pageAt, SCREENS } from "../support/axe";
import { createUser, db } from "../support/db";
import { expect, signIn, test } from "../support/fixtures";

for (const screen of [SCREENS.desktop, SCREENS.phone]) {
  test.describe(`at ${screen.width} px`, () => {
    test("a VIEWER turns a notice kind off and on with the keyboard; the page has no axe violations", async ({ browser }) => {
      const page = await pageAt(browser, screen);
      const viewer = await createUser({ role: "VIEWER" });
      await signIn(page, viewer);
      await page.goto("/notifications");
      await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
      await expect(page.getByText("Email is off on this Keyhold")).toBeVisible();
      // A VIEWER creates no webhooks: no switch for them. Expiry reminders explain the ADMIN exception.
      await expect(page.getByRole("switch")).toHaveCount(6);
      await expect(page.getByRole("switch", { name: "Expiry reminders" })).toHaveAccessibleDescription(/ADMIN-role accounts are always sent/);
      await expectNoViolations(page, "main");

      const expired = page.getByRole("switch", { name: "Expired tokens" });
      await expect(expired).toBeChecked();
      await expired.focus();
      await page.keyboard.press("Space");
      await expect(page.getByText("Expired tokens: off")).toBeVisible();
      await expect(expired).not.toBeChecked();
      const stored = async () => (await db().query<{ enabled: boolean }>(`SELECT enabled FROM "NotificationPreference" WHERE "userId" = $1 AND kind = 'token.expired'`, [viewer.id])).rows[0]?.enabled;
      await expect.poll(stored).toBe(false);
      await page.reload();
      await expect(page.getByRole("switch", { name: "Expired tokens" })).not.toBeChecked();
      await page.getByRole("switch", { name: "Expired tokens" }).focus();
      await page.keyboard.press("Space");
      await expect(page.getByRole("switch", { name: "Expired tokens" })).toBeChecked();
      await expect.poll(stored).toBe(true);
      const events = await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'notification.preference_changed' AND "actorId" = $1`, [viewer.id]);
      expect(events.rows[0]!.n).toBe(2);
      await page.context().close();
    });

    test("Settings → Notifications says email is off and how to turn it on; no axe violations", async ({ browser }) => {
      const page = await pageAt(browser, screen);
      await signIn(page, E2E_OWNER);
      await page.goto("/admin/settings");
      const section = page.getByRole("region", { name: "Email notifications", exact: true });
      await expect(section).toContainText("Email is off");
      await expect(section).toContainText("KEYHOLD_SMTP_URL");
      await expect(section.getByRole("button", { name: "Send test email" })).toBeDisabled();
      await expectNoViolations(page, "main");
      await page.context().close();
    });
  });
}
