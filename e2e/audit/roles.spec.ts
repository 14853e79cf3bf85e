// Who may read the Audit Log: VIEWER and CONTRIBUTOR are refused the page and the export; an AUDITOR reads,
// exports and verifies, and finds no control that changes anything, here or elsewhere in the console.
import type { Page } from "@playwright/test";
import { auditLog, CSV_HEADER, downloadExport, expectIntegrityVerified } from "../support/audit";
import { createUser } from "../support/db";
import { expect, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";

for (const role of ["VIEWER", "CONTRIBUTOR"] as const) {
  test(`a ${role} gets 403 on the Audit Log page and its export`, async ({ page, asRole }) => {
    await asRole(role);
    const response = await page.goto("/admin/audit-log");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Verify integrity" })).toHaveCount(0);

    for (const format of ["csv", "ndjson"]) {
      const refused = await page.request.get(`/admin/audit-log/export?format=${format}`);
      expect(refused.status(), format).toBe(403);
      expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
    }
  });
}

test("an anonymous export is refused with 401", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const refused = await request.get("/admin/audit-log/export?format=csv", { maxRedirects: 0 });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });
  } finally {
    await request.dispose();
  }
});

async function expectNoMutatingControls(page: Page): Promise<void> {
  for (const name of ["Create Token", "Add user", "Save retention"]) {
    await expect(page.getByRole("button", { name }), name).toHaveCount(0);
  }
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
}

test("an AUDITOR reads, exports and verifies the log, and sees no control that changes anything", async ({ page, asRole }) => {
  const auditor = await asRole("AUDITOR");
  const log = auditLog(page);
  await log.goto(`actor=${encodeURIComponent(auditor.email)}`);
  await log.expectCount(1); // its own sign-in
  await expect(log.rows.first()).toContainText("user.signed_in");
  await expect(page.getByRole("region", { name: "Retention" })).toContainText(/Events are kept (forever|for \d+ days?)\./);
  await expect(page.getByLabel("Keep forever")).toHaveCount(0);
  await expect(page.getByLabel("Retention (days)")).toHaveCount(0);
  await expectNoMutatingControls(page);

  const csv = await downloadExport(page, "CSV");
  const lines = csv.text.split("\n").filter((line) => line !== "");
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines).toHaveLength(2);
  expect(csv.totalCount).toBe("1");

  await expectIntegrityVerified(page);

  const user = await createUser({ role: "VIEWER" });
  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  await expect(page.getByRole("cell", { name: user.email })).toBeVisible();
  await expectNoMutatingControls(page);

  const account = await createServiceAccountWithToken("VIEWER");
  await page.goto(`/admin/api-tokens?q=${account.accountName}`);
  await expect(page.getByText(account.accountName).first()).toBeVisible();
  await expectNoMutatingControls(page);

  await page.goto(`/admin/api-tokens/${account.accountId}`);
  await expect(page.getByRole("heading", { level: 1, name: account.accountName })).toBeVisible();
  await expectNoMutatingControls(page);

  await page.goto("/tokens");
  await expect(page.getByRole("heading", { level: 1, name: "My tokens" })).toBeVisible();
  await expectNoMutatingControls(page);
});
