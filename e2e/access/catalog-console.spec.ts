// Issue 11 §2–3 in the console: an admin defines a scope and a resource, grants an account `developer` on
// `checkout`, and sees it on the account's page, in the database the token lookup reads, and in the Audit Log.
import { auditEvents, db } from "../support/db";
import { grantsInDatabase, seedResource, uniqueName } from "../support/catalog";
import { expect, test } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";

test("an admin defines a scope and a resource, grants developer on checkout, and the audit log shows each step", async ({ page, asRole }) => {
  const admin = await asRole("ADMIN");
  const scope = `deploy:${uniqueName("write")}`;
  const checkout = uniqueName("checkout");
  const account = await createServiceAccountWithToken("CONTRIBUTOR");

  // Admin → Scopes: a new custom scope, listed with its minimum role.
  await page.goto("/admin/api-tokens");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scopes" }).click();
  await expect(page.getByRole("heading", { name: "Scopes", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Built-in scopes" })).toContainText("service_accounts:write");
  await page.getByRole("button", { name: "New scope" }).click();
  let dialog = page.getByRole("dialog", { name: "New scope" });
  await dialog.getByLabel("Name").fill("tokens:write");
  await dialog.getByRole("button", { name: "Create scope" }).click();
  await expect(dialog.getByText("This is a built-in scope")).toBeVisible();
  await dialog.getByLabel("Name").fill(scope);
  await dialog.getByLabel("Description").fill("Deploy to production");
  await dialog.getByLabel("Minimum role to grant").selectOption({ label: "Admin" });
  await dialog.getByRole("button", { name: "Create scope" }).click();
  await expect(dialog).toHaveCount(0);
  const scopeRow = page.getByRole("table", { name: "Custom scopes" }).getByRole("row").filter({ hasText: scope });
  await expect(scopeRow).toContainText("Deploy to production");
  await expect(scopeRow).toContainText("Admin");
  await expect(scopeRow).toContainText("Active");

  // Admin → Resources: checkout, an application.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Resources" }).click();
  const application = page.getByRole("region", { name: "application", exact: true });
  await expect(application.getByRole("list", { name: /Roles of application/ })).toHaveText(/viewer\s*developer\s*owner/);
  await application.getByRole("button", { name: "Add resource to application" }).click();
  dialog = page.getByRole("dialog", { name: "Add application resource" });
  await dialog.getByLabel("Name").fill(checkout);
  await dialog.getByRole("button", { name: "Add resource" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(application.getByRole("table", { name: "Resources of type application" })).toContainText(checkout);

  // The account's Access section: grant developer on checkout.
  await page.goto(`/admin/api-tokens/${account.accountId}`);
  const access = page.getByRole("region", { name: "Access" });
  await expect(access).toContainText("No grants");
  await access.getByRole("button", { name: "Grant access" }).click();
  dialog = page.getByRole("dialog", { name: "Grant access" });
  await dialog.getByLabel("Resource type").selectOption("application");
  await dialog.getByLabel("Resource", { exact: true }).selectOption(checkout);
  await dialog.getByLabel("Role").selectOption("developer");
  await dialog.getByRole("button", { name: "Grant" }).click();
  await expect(dialog).toHaveCount(0);
  const grants = access.getByRole("table", { name: `Resource grants of ${account.accountName}` });
  await expect(grants.getByRole("row").filter({ hasText: checkout })).toContainText("developer");
  expect(await grantsInDatabase(account.accountId)).toEqual([{ type: "application", resource: checkout, role: "developer" }]);

  // Change it to viewer, then back: both audited with before and after.
  await access.getByRole("button", { name: `Change role on application ${checkout}` }).click();
  dialog = page.getByRole("dialog", { name: "Change role" });
  await dialog.getByLabel("Role").selectOption("viewer");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(grants.getByRole("row").filter({ hasText: checkout })).toContainText("viewer");
  await access.getByRole("button", { name: `Change role on application ${checkout}` }).click();
  await page.getByRole("dialog", { name: "Change role" }).getByLabel("Role").selectOption("developer");
  await page.getByRole("dialog", { name: "Change role" }).getByRole("button", { name: "Change role" }).click();
  await expect(grants.getByRole("row").filter({ hasText: checkout })).toContainText("developer");

  const changes = await auditEvents({ action: "service_account.grants_changed", targetId: account.accountId });
  expect(changes.map((e) => e.metadata)).toEqual([
    { before: [], after: [{ type: "application", resource: checkout, role: "developer" }] },
    { before: [{ type: "application", resource: checkout, role: "developer" }], after: [{ type: "application", resource: checkout, role: "viewer" }] },
    { before: [{ type: "application", resource: checkout, role: "viewer" }], after: [{ type: "application", resource: checkout, role: "developer" }] },
  ]);
  expect(changes[0]).toMatchObject({ actorId: admin.id, targetName: account.accountName });
  expect(await auditEvents({ action: "scope.created", actorId: admin.id })).toEqual([expect.objectContaining({ targetName: scope })]);
  expect(await auditEvents({ action: "resource.created", actorId: admin.id })).toEqual([expect.objectContaining({ targetName: `application/${checkout}` })]);

  // The Audit Log shows the grant changes on the account's events.
  await page.getByRole("link", { name: "View all events" }).click();
  await expect(page.getByRole("cell", { name: "Resource grants changed" })).toHaveCount(3);
});

test("a CONTRIBUTOR sees the grants of an account they own, read-only, and has no Scopes or Resources pages", async ({ page, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const account = await createServiceAccountWithToken("CONTRIBUTOR", { owner: me });
  const resource = await seedResource("environment-type");
  await db().query(`INSERT INTO "ResourceGrant" ("serviceAccountId", "resourceId", role) VALUES ($1, $2, 'deployer')`, [account.accountId, resource.id]);

  await page.goto(`/admin/api-tokens/${account.accountId}`);
  const access = page.getByRole("region", { name: "Access" });
  await expect(access.getByRole("row").filter({ hasText: resource.name })).toContainText("deployer");
  await expect(access.getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scopes" })).toHaveCount(0);
  expect((await page.goto("/admin/scopes"))?.status()).toBe(403);
  expect((await page.goto("/admin/resources"))?.status()).toBe(403);
});

test("a role that is granted cannot be removed from its type; archiving a resource flags the grant", async ({ page, asRole }) => {
  await asRole("ADMIN");
  const account = await createServiceAccountWithToken("VIEWER");
  const typeName = uniqueName("svc");
  await db().query(`INSERT INTO "ResourceType" (name, roles, "updatedAt") VALUES ($1, ARRAY['reader', 'writer'], now())`, [typeName]);
  const resource = await seedResource(typeName);
  await db().query(`INSERT INTO "ResourceGrant" ("serviceAccountId", "resourceId", role) VALUES ($1, $2, 'writer')`, [account.accountId, resource.id]);

  await page.goto("/admin/resources");
  const section = page.getByRole("region", { name: typeName, exact: true });
  await section.getByRole("button", { name: `Edit roles of ${typeName}` }).click();
  const dialog = page.getByRole("dialog", { name: "Edit roles" });
  await expect(dialog.getByLabel("Roles")).toHaveValue("reader, writer");
  await dialog.getByLabel("Roles").fill("reader");
  await dialog.getByRole("button", { name: "Save roles" }).click();
  await expect(dialog.getByText("Still granted, cannot be removed: writer")).toBeVisible();
  await dialog.getByLabel("Roles").fill("reader, writer, admin");
  await dialog.getByRole("button", { name: "Save roles" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(section.getByRole("list", { name: /Roles of/ })).toHaveText(/reader\s*writer\s*admin/);

  await section.getByRole("button", { name: `Archive ${typeName} ${resource.name}` }).click();
  await page.getByRole("dialog", { name: `Archive ${typeName} ${resource.name}?` }).getByRole("button", { name: "Archive" }).click();
  await expect(section.getByRole("button", { name: `Unarchive ${typeName} ${resource.name}` })).toBeVisible();
  await page.goto(`/admin/api-tokens/${account.accountId}`);
  await expect(page.getByRole("region", { name: "Access" })).toContainText("Archived: grants nothing");
});
