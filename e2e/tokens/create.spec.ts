// Create Token: each expiration choice, the one-time reveal (copy, Done, gone on reload), field errors, and
// what a CONTRIBUTOR may choose.
import {
  createDialog,
  createTokenThroughUi,
  DAY_MS,
  finishReveal,
  getServiceAccountByName,
  openCreateDialog,
  revealDialog,
  revealedToken,
  sha256,
  submitCreateForm,
  tokensOfAccount,
  tokensTable,
  uniqueAccountName,
  whoami,
  type ExpirationLabel,
} from "../support/console-tokens";
import { auditEvents, createUser } from "../support/db";
import { expect, test } from "../support/fixtures";

// A zone with a half-hour offset and no daylight saving: "end of the chosen local day" is then unambiguous
// and plainly not UTC.
const TIME_ZONE = "Asia/Kolkata";
test.use({ timezoneId: TIME_ZONE, locale: "en-US" });

const mediumDate = (at: Date) => new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: TIME_ZONE }).format(at);

const FIXED_LIFETIMES: { label: ExpirationLabel; days: number }[] = [
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "365 days", days: 365 },
];

test.describe("expiration choices", () => {
  for (const { label, days } of FIXED_LIFETIMES) {
    test(`"${label}" stores an expiry ${days} days out, shown in the Expires column`, async ({ page, request, asRole }) => {
      const me = await asRole("CONTRIBUTOR");
      const name = uniqueAccountName(`exp${days}`);
      const before = Date.now();
      const token = await createTokenThroughUi(page, { name, description: `expires in ${days} days`, expiration: label });
      const after = Date.now();
      expect(token).toMatch(/^kh_[0-9A-Za-z]{49}$/);
      expect(await whoami(request, token)).toEqual({ status: 200, name });
      await finishReveal(page, token);

      const account = await getServiceAccountByName(name);
      expect(account).toMatchObject({ role: "VIEWER", ownerId: me.id, description: `expires in ${days} days`, tokenRevokedAt: null });
      const expiresAt = account.tokenExpiresAt!;
      expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + days * DAY_MS);
      expect(expiresAt.getTime()).toBeLessThanOrEqual(after + days * DAY_MS);
      const [stored] = await tokensOfAccount(account.id);
      expect(stored!.expiresAt).toEqual(expiresAt);
      expect(stored!.secretHash).toBe(sha256(token));

      const table = tokensTable(page);
      await page.goto(`/admin/api-tokens?q=${name}`);
      const expires = (await table.cell(name, "Expires")).locator("time");
      await expect(expires).toHaveAttribute("datetime", expiresAt.toISOString());
      // Relative in the list, the exact local date on hover (title) and focus.
      await expect(expires).toHaveText({ 30: "in 30 days", 90: "in 3 months", 365: "in 1 year" }[days]!);
      await expect(expires.locator("xpath=..")).toHaveAttribute("title", new RegExp(mediumDate(expiresAt)));
      await expect(await table.cell(name, "Status")).toHaveText("Active");
    });
  }

  test(`"Never" stores no expiry and the Expires column says Never`, async ({ page, request, asRole }) => {
    await asRole("CONTRIBUTOR");
    const name = uniqueAccountName("never");
    const dialog = await openCreateDialog(page);
    await expect(dialog.getByLabel("Expiration", { exact: true })).toHaveValue("90"); // the default
    await submitCreateForm(dialog, { name, expiration: "Never" });
    const token = await revealedToken(page);
    await expect(revealDialog(page)).toContainText("This token does not expire.");
    expect(await whoami(request, token)).toEqual({ status: 200, name });
    await finishReveal(page, token);

    const account = await getServiceAccountByName(name);
    expect(account.tokenExpiresAt).toBeNull();
    expect((await tokensOfAccount(account.id)).map((t) => t.expiresAt)).toEqual([null]);
    await page.goto(`/admin/api-tokens?q=${name}`);
    await expect(await tokensTable(page).cell(name, "Expires")).toHaveText("Never");
  });

  test(`"Custom date" expires at the end of the chosen local day`, async ({ page, request, asRole }) => {
    await asRole("CONTRIBUTOR");
    const name = uniqueAccountName("custom");
    // Ten days from today in the browser's zone.
    const { day, endOfDay } = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 10);
      const pad = (n: number) => String(n).padStart(2, "0");
      return {
        day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
        endOfDay: new Date(d.getFullYear(), d.getMonth(), d.getDate(), 23, 59, 59, 999).toISOString(),
      };
    });
    expect(endOfDay).toBe(`${day}T18:29:59.999Z`); // 23:59:59.999 at UTC+05:30

    const dialog = await openCreateDialog(page);
    await expect(dialog.getByLabel("Expiration date")).toHaveCount(0);
    await dialog.getByLabel("Expiration", { exact: true }).selectOption({ label: "Custom date" });
    await expect(dialog.getByLabel("Expiration date")).toHaveAttribute("type", "date");
    await submitCreateForm(dialog, { name, customDate: day });
    const token = await revealedToken(page);
    expect(await whoami(request, token)).toEqual({ status: 200, name });
    await finishReveal(page, token);

    const account = await getServiceAccountByName(name);
    expect(account.tokenExpiresAt?.toISOString()).toBe(endOfDay);
    expect((await tokensOfAccount(account.id))[0]!.expiresAt?.toISOString()).toBe(endOfDay);
    await page.goto(`/admin/api-tokens?q=${name}`);
    const expires = (await tokensTable(page).cell(name, "Expires")).locator("time");
    await expect(expires).toHaveAttribute("datetime", endOfDay);
    await expect(expires).toHaveText(/^in \d+ (days|hours)$/);
    const exact = expires.locator("xpath=..");
    await expect(exact).toHaveAttribute("title", new RegExp(mediumDate(new Date(endOfDay))));
    await expect(exact).toHaveAttribute("title", /11:59/);
  });

  test("a missing or past custom date is refused under Expiration date", async ({ page, asRole }) => {
    await asRole("CONTRIBUTOR");
    const name = uniqueAccountName("pastdate");
    const dialog = await openCreateDialog(page);
    await submitCreateForm(dialog, { name, expiration: "Custom date" });
    const date = dialog.getByLabel("Expiration date");
    await expect(date).toHaveAccessibleDescription("Enter a date");
    await date.fill("2020-01-01");
    await dialog.getByRole("button", { name: "Generate Token" }).click();
    await expect(date).toHaveAccessibleDescription("The date must be in the future");
    await expect(revealDialog(page)).toHaveCount(0);
    const created = await auditEvents({ action: "service_account.created" });
    expect(created.filter((e) => e.targetName === name)).toEqual([]);
  });
});

test("the token is shown once: Copy puts it on the clipboard, and after Done no page holds it", async ({ page, request, asRole }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const me = await asRole("ADMIN");
  const name = uniqueAccountName("reveal");
  const dialog = await openCreateDialog(page);
  await expect(dialog.getByLabel("Owner")).toHaveValue(me.id); // an ADMIN picks an owner, and it defaults to them
  await submitCreateForm(dialog, { name, roleLabel: "Contributor", expiration: "Never" });
  const token = await revealedToken(page);
  const reveal = revealDialog(page);
  await expect(reveal).toContainText("will not be shown again");

  // A stray click outside or Escape must not throw the only copy away.
  await page.mouse.click(5, 5);
  await page.keyboard.press("Escape");
  await expect(reveal.getByLabel("Access token")).toHaveValue(token);

  await reveal.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(reveal.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const works = await whoami(request, token);
  expect(works).toEqual({ status: 200, name });

  await finishReveal(page, token);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "API Tokens" })).toBeVisible();
  expect(await page.content()).not.toContain(token);
  await page.goto(`/admin/api-tokens?q=${name}`);
  await expect(tokensTable(page).row(name)).toHaveCount(1);
  expect(await page.content()).not.toContain(token);
  for (const path of ["/admin/api-tokens", `/admin/api-tokens?q=${name}`, "/tokens", `/admin/api-tokens/${(await getServiceAccountByName(name)).id}`]) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).toContain(name);
    expect(html, path).not.toContain(token);
  }

  // The dialog starts over: no way back to the value.
  await page.getByRole("button", { name: "Create Token" }).click();
  await expect(createDialog(page).getByLabel("Token name")).toHaveValue("");
  await expect(page.getByLabel("Access token")).toHaveCount(0);
});

test("reloading while the token is on show loses it for good", async ({ page, request, asRole }) => {
  await asRole("CONTRIBUTOR");
  const name = uniqueAccountName("reload");
  const token = await createTokenThroughUi(page, { name });
  await page.reload();
  await expect(page.getByRole("button", { name: "Create Token" })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  expect(await whoami(request, token)).toEqual({ status: 200, name }); // it was created all the same
});

test.describe("field errors show under Token name", () => {
  test("an empty name", async ({ page, asRole }) => {
    await asRole("CONTRIBUTOR");
    const dialog = await openCreateDialog(page);
    await submitCreateForm(dialog, { name: "   " });
    const field = dialog.getByLabel("Token name");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription("Token name is required");
    await expect(revealDialog(page)).toHaveCount(0);
  });

  test("invalid characters", async ({ page, asRole }) => {
    await asRole("CONTRIBUTOR");
    const dialog = await openCreateDialog(page);
    const name = `bad name/${uniqueAccountName("x")}!`;
    await submitCreateForm(dialog, { name });
    await expect(dialog.getByLabel("Token name")).toHaveAccessibleDescription("Use only letters, digits, '-', '_' and '.'");
    await expect(revealDialog(page)).toHaveCount(0);
  });

  test("a name already taken, by someone else's account", async ({ page, asRole, signedInPage }) => {
    // Someone else's account: the CONTRIBUTOR cannot see it, but names are unique across everyone.
    const name = uniqueAccountName("taken");
    const other = await signedInPage(await createUser({ role: "CONTRIBUTOR" }));
    await finishReveal(other, await createTokenThroughUi(other, { name }));

    await asRole("CONTRIBUTOR");
    const dialog = await openCreateDialog(page);
    await submitCreateForm(dialog, { name, description: "second try" });
    const field = dialog.getByLabel("Token name");
    await expect(field).toHaveAccessibleDescription("A service account with this name already exists");
    await expect(field).toBeFocused();
    await expect(revealDialog(page)).toHaveCount(0);
    expect(await tokensOfAccount((await getServiceAccountByName(name)).id)).toHaveLength(1);
    expect((await getServiceAccountByName(name)).description).toBe("");
  });
});

test("a CONTRIBUTOR grants only Contributor or Viewer, and owns what they create", async ({ page, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const dialog = await openCreateDialog(page);
  const role = dialog.getByLabel("Role");
  await expect(role.locator("option")).toHaveText(["Contributor", "Viewer"]);
  await expect(role).toHaveValue("VIEWER");
  await expect(dialog.getByRole("combobox", { name: "Owner" })).toHaveCount(0);
  await expect(dialog.getByText("You", { exact: true })).toBeVisible();

  const name = uniqueAccountName("contrib");
  await submitCreateForm(dialog, { name, roleLabel: "Contributor" });
  const token = await revealedToken(page);
  await finishReveal(page, token);
  const account = await getServiceAccountByName(name);
  expect(account).toMatchObject({ role: "CONTRIBUTOR", ownerId: me.id });
  const events = await auditEvents({ targetId: account.id });
  expect(events.map((e) => e.action)).toEqual(["service_account.created", "token.created"]);
  expect(events[0]).toMatchObject({ actorId: me.id, targetName: name, metadata: { after: { name, role: "CONTRIBUTOR", owner: me.email } } });
  const [stored] = await tokensOfAccount(account.id);
  expect(events[1]).toMatchObject({ actorId: me.id, targetName: name, metadata: { tokenId: stored!.id, hint: `kh_…${token.slice(-4)}` } });
  expect(JSON.stringify(events)).not.toContain(token.slice(3, -4));

  await page.goto(`/admin/api-tokens/${account.id}`);
  const activity = page.getByRole("region", { name: "Recent activity" });
  await expect(activity).toContainText("Service account created");
  await expect(activity).toContainText("Token created");
});

test("an ADMIN grants every service account role and may pick another owner", async ({ page, asRole }) => {
  // Named to sort early: the owner picker lists active users by name.
  const owner = await createUser({ role: "VIEWER", name: `Aaron Picked ${uniqueAccountName("owner")}` });
  await asRole("ADMIN");
  const dialog = await openCreateDialog(page);
  await expect(dialog.getByLabel("Role").locator("option")).toHaveText(["Admin", "Contributor", "Viewer", "Auditor", "Introspector"]);
  await dialog.getByLabel("Owner").selectOption(owner.id);
  const name = uniqueAccountName("forviewer");
  await submitCreateForm(dialog, { name, roleLabel: "Auditor", expiration: "30 days" });
  await finishReveal(page, await revealedToken(page));
  expect(await getServiceAccountByName(name)).toMatchObject({ role: "AUDITOR", ownerId: owner.id });
});
