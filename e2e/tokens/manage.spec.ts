// Changing an existing account from the console: Manage, Regenerate (both ways), Revoke, Delete. Each is
// checked where it matters: the table, the database, the audit log, and the REST API the token opens.
import {
  chooseRowAction,
  finishReveal,
  findServiceAccountByName,
  gotoAccountRow,
  localDateTimeAhead,
  regenerateThroughUi,
  sha256,
  tokenBySecret,
  tokensOfAccount,
  tokensTable,
  whoami,
  whoamiAccount,
} from "../support/console-tokens";
import { auditEvents } from "../support/db";
import { expect, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";

// Not UTC, with a half-hour offset: the datetime-local value must be read as the browser's own time.
test.use({ timezoneId: "Asia/Kolkata", locale: "en-US" });

test("Manage changes description and role: the table, the API and the audit event show it", async ({ page, request, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const account = await createServiceAccountWithToken("VIEWER", { owner: me });
  expect(await whoamiAccount(request, account.value)).toMatchObject({ id: account.accountId, role: "VIEWER" });
  const row = await gotoAccountRow(page, account.accountName);
  const table = tokensTable(page);
  await expect(await table.cell(account.accountName, "Role")).toHaveText("Viewer");

  await chooseRowAction(page, account.accountName, "Edit service account");
  const dialog = page.getByRole("dialog", { name: "Edit service account" });
  await expect(dialog).toContainText(account.accountName);
  await expect(dialog.getByLabel("Description")).toHaveValue("");
  await expect(dialog.getByLabel("Role")).toHaveValue("VIEWER");
  await dialog.getByLabel("Description").fill("Deploys the billing service");
  await dialog.getByLabel("Role").selectOption({ label: "Contributor" });
  await dialog.getByRole("button", { name: "Update" }).click();
  await expect(dialog).toHaveCount(0);

  await expect(await table.cell(account.accountName, "Role")).toHaveText("Contributor");
  // The description sits under the name.
  await expect(await table.cell(account.accountName, "Name")).toContainText("Deploys the billing service");
  await page.reload();
  await expect(row).toContainText("Deploys the billing service");

  const stored = await findServiceAccountByName(account.accountName);
  expect(stored).toMatchObject({ description: "Deploys the billing service", role: "CONTRIBUTOR", ownerId: me.id });
  // The token acts with the new role from its very next request.
  expect(await whoamiAccount(request, account.value)).toMatchObject({ id: account.accountId, role: "CONTRIBUTOR" });
  const events = await auditEvents({ action: "service_account.updated", targetId: account.accountId });
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    actorType: "USER",
    actorId: me.id,
    targetName: account.accountName,
    result: "SUCCESS",
    metadata: {
      before: { description: "", role: "VIEWER", owner: me.email },
      after: { description: "Deploys the billing service", role: "CONTRIBUTOR", owner: me.email },
    },
  });
});

test("Regenerate, expiring the previous token immediately: the old one is refused at once, the new one works", async ({ page, request, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const account = await createServiceAccountWithToken("VIEWER", { owner: me });
  expect(await whoami(request, account.value)).toEqual({ status: 200, name: account.accountName });

  await gotoAccountRow(page, account.accountName);
  const fresh = await regenerateThroughUi(page, account.accountName);
  expect(fresh).not.toBe(account.value);
  expect(await whoami(request, account.value)).toEqual({ status: 401 });
  expect(await whoami(request, fresh)).toEqual({ status: 200, name: account.accountName });
  await finishReveal(page, fresh);

  const [previous, current] = await tokensOfAccount(account.accountId);
  expect(previous!.id).toBe(account.tokenId);
  expect(previous!.replacedById).toBe(current!.id);
  expect(previous!.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now());
  expect(current).toMatchObject({ secretHash: sha256(fresh), expiresAt: null, revokedAt: null, replacedById: null });
  const [event] = await auditEvents({ action: "token.regenerated", targetId: account.accountId });
  expect(event).toMatchObject({ actorId: me.id, metadata: { tokenId: current!.id, previousTokenId: previous!.id } });
});

test("Regenerate, keeping the previous token for an hour: both work, and the old one expires at the chosen minute", async ({ page, request, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  // A token with a lifetime: the new one gets the same lifetime, and the grace period must end before it.
  const lifetime = 30 * 86_400_000;
  const account = await createServiceAccountWithToken("CONTRIBUTOR", { owner: me, expiresAt: new Date(Date.now() + lifetime) });

  await gotoAccountRow(page, account.accountName);
  const keepUntil = await localDateTimeAhead(page, 60);
  const fresh = await regenerateThroughUi(page, account.accountName, keepUntil.input);
  expect(await whoami(request, account.value)).toEqual({ status: 200, name: account.accountName });
  expect(await whoami(request, fresh)).toEqual({ status: 200, name: account.accountName });
  await finishReveal(page, fresh);

  const previous = await tokenBySecret(account.value);
  const current = await tokenBySecret(fresh);
  const minute = (at: Date) => Math.floor(at.getTime() / 60_000);
  expect(minute(previous!.expiresAt!)).toBe(minute(keepUntil.at));
  expect(previous!.expiresAt!.toISOString()).toBe(keepUntil.at.toISOString());
  expect(previous).toMatchObject({ revokedAt: null, replacedById: current!.id });
  const newLifetime = current!.expiresAt!.getTime() - current!.createdAt.getTime();
  expect(Math.abs(newLifetime - lifetime)).toBeLessThan(60_000);

  // Still both valid after the table refreshed; the account's row shows the new token's expiry.
  expect((await whoami(request, account.value)).status).toBe(200);
  const expires = (await tokensTable(page).cell(account.accountName, "Expires")).locator("time");
  await expect(expires).toHaveAttribute("datetime", current!.expiresAt!.toISOString());
});

test("a grace period past the token's own expiry is refused under the date field", async ({ page, request, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const account = await createServiceAccountWithToken("VIEWER", { owner: me, expiresAt: new Date(Date.now() + 30 * 60_000) });
  await gotoAccountRow(page, account.accountName);
  const tooLate = await localDateTimeAhead(page, 120);
  await chooseRowAction(page, account.accountName, "Regenerate token");
  const dialog = page.getByRole("dialog", { name: "Regenerate token" });
  await dialog.getByRole("radio", { name: "Keep the previous token active until" }).check();
  const field = dialog.getByLabel("Previous token expires at");
  await field.fill(tooLate.input);
  await dialog.getByRole("button", { name: "Regenerate" }).click();
  await expect(field).toHaveAccessibleDescription(/^Must not be after the token's own expiry/);
  expect(await tokensOfAccount(account.accountId)).toHaveLength(1);
  expect((await whoami(request, account.value)).status).toBe(200);
});

test("Revoke on the detail page: the token shows Revoked and the API refuses it", async ({ page, request, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const account = await createServiceAccountWithToken("VIEWER", { owner: me });
  const [token] = await tokensOfAccount(account.accountId);
  expect(await whoami(request, account.value)).toEqual({ status: 200, name: account.accountName });

  await page.goto(`/admin/api-tokens/${account.accountId}`);
  await expect(page.getByRole("heading", { level: 1, name: account.accountName })).toBeVisible();
  const tokens = page.getByRole("region", { name: "Tokens" }).getByRole("row").filter({ hasText: token!.hint });
  await expect(tokens).toHaveCount(1);
  await expect(tokens).toContainText("Active");
  // The use above is recorded: Last used shows when and from where.
  await expect.poll(async () => (await tokenBySecret(account.value))?.lastUsedAt).not.toBeNull();
  await page.reload();
  await expect(tokens).toContainText("from 127.0.0.1");

  await tokens.getByRole("button", { name: `Revoke token ${token!.hint}` }).click();
  const confirm = page.getByRole("dialog", { name: `Revoke token ${token!.hint}?` });
  await confirm.getByRole("button", { name: "Revoke token", exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await expect(tokens).toContainText("Revoked");
  await expect(tokens.getByRole("button", { name: /^Revoke token/ })).toHaveCount(0);
  expect(await whoami(request, account.value)).toEqual({ status: 401 });

  const [revoked] = await tokensOfAccount(account.accountId);
  expect(revoked!.revokedAt).not.toBeNull();
  expect((await findServiceAccountByName(account.accountName))!.tokenRevokedAt).toEqual(revoked!.revokedAt);
  const [event] = await auditEvents({ action: "token.revoked", targetId: account.accountId });
  expect(event).toMatchObject({ actorId: me.id, targetName: account.accountName, metadata: { tokenId: token!.id, hint: token!.hint } });
  await expect(page.getByRole("region", { name: "Recent activity" })).toContainText("Token revoked");

  await page.goto(`/admin/api-tokens?q=${account.accountName}`);
  await expect(await tokensTable(page).cell(account.accountName, "Status")).toHaveText("Revoked");
});

test("Delete removes the account and its tokens; the audit trail keeps the name", async ({ page, request, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const account = await createServiceAccountWithToken("CONTRIBUTOR", { owner: me });
  // Some history first, so there is more than the delete itself to keep.
  await gotoAccountRow(page, account.accountName);
  const fresh = await regenerateThroughUi(page, account.accountName);
  await finishReveal(page, fresh);
  expect(await whoami(request, fresh)).toEqual({ status: 200, name: account.accountName });

  await chooseRowAction(page, account.accountName, "Delete service account");
  const confirm = page.getByRole("dialog", { name: `Delete service account ${account.accountName}?` });
  await expect(confirm).toContainText("cannot be undone");
  await confirm.getByRole("button", { name: "Delete service account" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(tokensTable(page).row(account.accountName)).toHaveCount(0);
  await expect(page.getByText("No service accounts match.")).toBeVisible();

  expect(await whoami(request, fresh)).toEqual({ status: 401 });
  expect(await findServiceAccountByName(account.accountName)).toBeNull();
  expect(await tokensOfAccount(account.accountId)).toEqual([]);
  expect((await page.goto(`/admin/api-tokens/${account.accountId}`))?.status()).toBe(404);

  const events = await auditEvents({ targetId: account.accountId });
  expect(events.map((e) => e.action)).toEqual(["token.regenerated", "service_account.deleted"]);
  for (const event of events) expect(event.targetName).toBe(account.accountName);
  expect(events[1]).toMatchObject({ actorId: me.id, metadata: { before: { name: account.accountName, role: "CONTRIBUTOR" }, tokensDeleted: 2 } });
});

test("a CONTRIBUTOR manages only their own accounts, and another's stays untouched", async ({ page, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const mine = await createServiceAccountWithToken("VIEWER", { owner: me });
  const theirs = await createServiceAccountWithToken("VIEWER");
  await page.goto("/admin/api-tokens");
  await expect(page.getByRole("button", { name: `Actions for ${mine.accountName}` })).toBeVisible();
  await expect(page.getByRole("link", { name: theirs.accountName })).toHaveCount(0);
  await expect(page.getByRole("button", { name: `Actions for ${theirs.accountName}` })).toHaveCount(0);
});
