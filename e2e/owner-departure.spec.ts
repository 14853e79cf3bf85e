// When the person who owns service accounts is disabled: their automation keeps working, the console shows it,
// the disable dialog hands the accounts over in the same step, and an OWNER may suspend such tokens instead.
import { E2E_OWNER } from "../playwright.config";
import { gotoAccountRow } from "./support/console-tokens";
import { auditEvents, createUser, db } from "./support/db";
import { expect, test } from "./support/fixtures";
import { apiClient, createServiceAccountWithToken } from "./support/tokens";

async function openDisableDialog(page: import("@playwright/test").Page, user: { email: string; name: string }) {
  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  await page.getByRole("button", { name: `Actions for ${user.email}` }).click();
  await page.getByRole("menuitem", { name: "Disable user" }).click();
  return page.getByRole("dialog", { name: `Disable ${user.name}?` });
}

test("disabling a user lists the accounts they own and gives them to another user in the same step", async ({ page, asRole, request }) => {
  const admin = await asRole("ADMIN");
  const leaver = await createUser({ role: "CONTRIBUTOR", name: "Leaving Person" });
  const heir = await createUser({ role: "ADMIN", name: "Heir Person" });
  const first = await createServiceAccountWithToken("CONTRIBUTOR", { owner: leaver });
  const second = await createServiceAccountWithToken("VIEWER", { owner: leaver });

  const dialog = await openDisableDialog(page, leaver);
  await expect(dialog.getByText("Leaving Person owns 2 service accounts.", { exact: false })).toBeVisible();
  const listed = dialog.getByRole("list", { name: "Service accounts Leaving Person owns" });
  await expect(listed.getByRole("listitem")).toHaveCount(2);
  await expect(listed).toContainText(first.accountName);
  await expect(listed).toContainText(second.accountName);
  await dialog.getByLabel("Give all of them to").selectOption({ label: `${heir.name} (${heir.email})` });
  await dialog.getByRole("button", { name: "Disable" }).click();
  await expect(dialog).toBeHidden();

  const { rows } = await db().query<{ ownerId: string }>(`SELECT "ownerId" FROM "ServiceAccount" WHERE id = ANY($1::uuid[])`, [[first.accountId, second.accountId]]);
  expect(rows.map((r) => r.ownerId)).toEqual([heir.id, heir.id]);
  for (const account of [first, second]) {
    const events = await auditEvents({ action: "service_account.reassigned", targetId: account.accountId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, metadata: { before: { owner: leaver.email }, after: { owner: heir.email } } });
  }
  // The automation never noticed.
  expect((await apiClient(request, first.value).get("/api/v1/whoami")).status()).toBe(200);
});

test("a disabled owner's accounts are marked and keep working, until an OWNER suspends such tokens", async ({ page, signIn, request }) => {
  const leaver = await createUser({ role: "CONTRIBUTOR", name: "Gone Person" });
  const account = await createServiceAccountWithToken("VIEWER", { owner: leaver });
  await db().query(`UPDATE "User" SET status = 'DISABLED' WHERE id = $1`, [leaver.id]);
  const api = apiClient(request, account.value);
  expect((await api.get("/api/v1/whoami")).status()).toBe(200);

  await signIn(page, E2E_OWNER);
  const row = await gotoAccountRow(page, account.accountName);
  await expect(row.getByText("Owner disabled")).toBeVisible();
  await page.goto(`/admin/api-tokens/${account.accountId}`);
  await expect(page.getByText("Owner disabled")).toBeVisible();

  await page.goto("/admin/api-tokens");
  const policy = page.getByRole("region", { name: "Token policy" });
  const toggle = policy.getByRole("checkbox", { name: "Suspend tokens of disabled owners" });
  await expect(toggle).not.toBeChecked();
  try {
    await toggle.check();
    await expect(page.getByText("Tokens of disabled owners are suspended")).toBeVisible();
    await expect(toggle).toBeChecked();
    expect((await api.get("/api/v1/whoami")).status()).toBe(401);
    const events = await auditEvents({ action: "settings.changed" });
    expect(events.at(-1)).toMatchObject({ metadata: { setting: "tokens.suspendDisabledOwners", before: false, after: true } });
  } finally {
    await toggle.uncheck();
    await expect(page.getByText("Tokens of disabled owners work again")).toBeVisible();
  }
  expect((await api.get("/api/v1/whoami")).status()).toBe(200);
});

test("an ADMIN sees the token policy but cannot change it", async ({ page, asRole }) => {
  await asRole("ADMIN");
  await page.goto("/admin/api-tokens");
  const toggle = page.getByRole("region", { name: "Token policy" }).getByRole("checkbox", { name: "Suspend tokens of disabled owners" });
  await expect(toggle).toBeDisabled();
});
