// Managing users from the Users page: adding, validation, role changes, disabling, and the last owner.
import type { Page } from "@playwright/test";
import { E2E_OWNER } from "../playwright.config";
import { actionId, actionResult, callAction, USER_ACTIONS } from "./support/actions";
import { auditEvents, countUsers, createUser, findUserByEmail, getUser, liveSessionCount, uniqueEmail } from "./support/db";
import { expect, test } from "./support/fixtures";

/** The Users page filtered down to one user, so rows added by parallel tests cannot push it off the page. */
async function openUserRow(page: Page, email: string) {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  return page.getByRole("row").filter({ has: page.getByRole("cell", { name: email, exact: true }) });
}

async function openRowMenu(page: Page, email: string) {
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  return page.getByRole("menu");
}

async function openAddUser(page: Page) {
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog", { name: "Add user" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("an ADMIN adds a user with a generated password, shown once, which then signs them in", async ({ page, asRole, browser }) => {
  const admin = await asRole("ADMIN");
  const email = uniqueEmail("added");
  const dialog = await openAddUser(page);
  await dialog.getByLabel("Name").fill("Added Auditor");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption({ label: "Auditor" });
  await expect(dialog.getByRole("radio", { name: "Generate a password" })).toBeChecked();
  await dialog.getByRole("button", { name: "Add user" }).click();

  const shown = page.getByRole("dialog", { name: "User added" }).getByLabel("Generated password");
  await expect(shown).toHaveValue(/^[A-Za-z0-9]{20}$/);
  await expect(shown).toHaveAttribute("readonly", "");
  const password = await shown.inputValue();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Shown once: opening the dialog again starts a fresh form, and only a hash is stored.
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("dialog", { name: "Add user" }).getByLabel("Name")).toHaveValue("");
  await expect(page.getByLabel("Generated password")).toHaveCount(0);
  const stored = await findUserByEmail(email);
  expect(stored).toMatchObject({ name: "Added Auditor", role: "AUDITOR", status: "ACTIVE" });
  expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
  const [created] = await auditEvents({ action: "user.created", targetId: stored!.id });
  expect(created).toMatchObject({ actorId: admin.id, metadata: { passwordGenerated: true, after: { email, role: "AUDITOR" } } });
  expect(JSON.stringify(created)).not.toContain(password);

  const context = await browser.newContext();
  try {
    const newcomer = await context.newPage();
    await newcomer.goto("/login");
    await newcomer.getByLabel("Email").fill(email);
    await newcomer.getByLabel("Password").fill(password);
    await newcomer.getByRole("button", { name: "Sign in" }).click();
    await expect(newcomer).toHaveURL(/:\d+\/$/); // Home: an AUDITOR reads organisation-wide
    await expect(newcomer.getByTestId("current-role")).toHaveText("Auditor");
    await newcomer.getByRole("complementary").getByRole("link", { name: "Users", exact: true }).click();
    await expect(newcomer.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(newcomer.getByRole("button", { name: "Add user" })).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("a password set by hand must meet the shared schema, in the form and on the server", async ({ page, asRole }) => {
  await asRole("ADMIN");
  const email = uniqueEmail("short-password");
  const dialog = await openAddUser(page);
  await dialog.getByLabel("Name").fill("Short Password");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("radio", { name: "Set a password" }).check();
  await dialog.getByLabel("Password", { exact: true }).fill("11-chars-pw");
  await dialog.getByRole("button", { name: "Add user" }).click();

  await expect(dialog.getByLabel("Password", { exact: true })).toHaveAccessibleDescription("Password must be at least 12 characters");
  await expect(dialog).toBeVisible();

  // The server applies the same rule to a call that skips the form.
  const input = { name: "Short Password", email, role: "VIEWER", passwordMode: "set", password: "11-chars-pw" };
  const { body } = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "createUserAction"), [input]);
  expect(actionResult(body)).toMatchObject({
    ok: false,
    error: { code: "validation", fieldErrors: { password: ["Password must be at least 12 characters"] } },
  });
  expect(await findUserByEmail(email)).toBeNull();
});

test("a taken email (in any case) and a malformed email are shown under Email", async ({ page, asRole }) => {
  await asRole("ADMIN");
  const existing = await createUser({ role: "VIEWER" });
  const dialog = await openAddUser(page);
  const emailField = dialog.getByLabel("Email");
  await dialog.getByLabel("Name").fill("Second Account");

  await emailField.fill("not-an-email");
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(emailField).toHaveAccessibleDescription("Enter a valid email address");

  await emailField.fill(existing.email.toUpperCase());
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(emailField).toHaveAccessibleDescription("A user with this email already exists");
  await expect(dialog).toBeVisible();
  expect(await countUsers({ emailLike: existing.email })).toBe(1);
  expect(await auditEvents({ action: "user.created", targetId: existing.id })).toHaveLength(0);
});

test("an ADMIN's role choices leave out Owner", async ({ page, asRole }) => {
  await asRole("ADMIN");
  const target = await createUser({ role: "VIEWER" });
  const addDialog = await openAddUser(page);
  await expect(addDialog.getByLabel("Role").locator("option")).toHaveText(["Admin", "Contributor", "Viewer", "Auditor"]);
  await expect(addDialog.getByLabel("Role")).toHaveValue("VIEWER");

  await openUserRow(page, target.email);
  await (await openRowMenu(page, target.email)).getByRole("menuitem", { name: "Change role" }).click();
  await expect(page.getByRole("dialog", { name: "Change role" }).getByLabel("Role").locator("option")).toHaveText([
    "Admin",
    "Contributor",
    "Viewer",
    "Auditor",
  ]);
});

test("a role change reaches a signed-in user on their very next request", async ({ page, asRole, signedInPage }) => {
  const admin = await asRole("ADMIN");
  const viewer = await createUser({ role: "VIEWER" });
  const viewerPage = await signedInPage(viewer);
  await viewerPage.goto("/admin/api-tokens");
  await expect(viewerPage.getByTestId("current-role")).toHaveText("Viewer");

  const row = await openUserRow(page, viewer.email);
  await (await openRowMenu(page, viewer.email)).getByRole("menuitem", { name: "Change role" }).click();
  const dialog = page.getByRole("dialog", { name: "Change role" });
  await dialog.getByLabel("Role").selectOption({ label: "Contributor" });
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell", { name: "Contributor", exact: true })).toBeVisible();

  await viewerPage.reload();
  await expect(viewerPage.getByTestId("current-role")).toHaveText("Contributor");
  expect((await getUser(viewer.id)).role).toBe("CONTRIBUTOR");
  const [event, ...more] = await auditEvents({ action: "user.role_changed", targetId: viewer.id });
  expect(more).toHaveLength(0);
  expect(event).toMatchObject({ actorId: admin.id, metadata: { before: { role: "VIEWER" }, after: { role: "CONTRIBUTOR" } } });
});

test("an ADMIN disables and enables a user from the row menu; their own row only offers Change role", async ({ page, asRole }) => {
  const admin = await asRole("ADMIN");
  const target = await createUser({ role: "CONTRIBUTOR" });
  const row = await openUserRow(page, target.email);

  await (await openRowMenu(page, target.email)).getByRole("menuitem", { name: "Disable user" }).click();
  await page.getByRole("dialog", { name: `Disable ${target.name}?` }).getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("cell", { name: "Disabled", exact: true })).toBeVisible();
  expect(await getUser(target.id)).toMatchObject({ status: "DISABLED" });
  expect(await liveSessionCount(target.id)).toBe(0);

  await (await openRowMenu(page, target.email)).getByRole("menuitem", { name: "Enable user" }).click();
  await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
  expect((await getUser(target.id)).status).toBe("ACTIVE");

  const events = (await auditEvents({ targetId: target.id })).map((e) => [e.action, e.actorId, e.metadata]);
  expect(events).toEqual([
    ["user.disabled", admin.id, { before: { status: "ACTIVE" }, after: { status: "DISABLED" } }],
    ["user.enabled", admin.id, { before: { status: "DISABLED" }, after: { status: "ACTIVE" } }],
  ]);

  await openUserRow(page, admin.email);
  await expect((await openRowMenu(page, admin.email)).getByRole("menuitem")).toHaveText(["Change role"]);
});

test("the last owner cannot step down", async ({ page, signIn }) => {
  await signIn(page, E2E_OWNER);
  const owner = (await findUserByEmail(E2E_OWNER.email))!;
  await openUserRow(page, E2E_OWNER.email);
  const menu = await openRowMenu(page, E2E_OWNER.email);
  await expect(menu.getByRole("menuitem")).toHaveText(["Change role"]);
  await menu.getByRole("menuitem", { name: "Change role" }).click();

  const dialog = page.getByRole("dialog", { name: "Change role" });
  await expect(dialog.getByLabel("Role")).toHaveValue("OWNER");
  await dialog.getByLabel("Role").selectOption({ label: "Admin" });
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog.getByText("There must always be at least one active owner.")).toBeVisible();

  expect((await getUser(owner.id)).role).toBe("OWNER");
  expect(await countUsers({ role: "OWNER" })).toBe(1);
  expect(await auditEvents({ action: "user.role_changed", targetId: owner.id })).toHaveLength(0);
});
