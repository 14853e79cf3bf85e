// The plaintext of a token exists in exactly one place: the reveal panel, once. This drives every path that
// issues or touches a token through the UI and the API, then reads the whole database and the pages back.
import {
  chooseRowAction,
  createTokenThroughUi,
  dumpPublicTables,
  finishReveal,
  getServiceAccountByName,
  gotoAccountRow,
  localDateTimeAhead,
  regenerateThroughUi,
  sha256,
  tokensOfAccount,
  uniqueAccountName,
  whoami,
} from "../support/console-tokens";
import { expect, test } from "../support/fixtures";

/** 40 characters from the middle: clear of the "kh_" prefix and of the last four the hint shows. */
const middleOf = (token: string) => token.slice(6, 46);

test("no table and no page holds a token's plaintext after the reveal; ApiToken holds its SHA-256", async ({ page, request, asRole }) => {
  test.slow(); // many UI round trips
  await asRole("ADMIN");
  const shown: string[] = [];
  const name = uniqueAccountName("plain");
  const other = uniqueAccountName("plain-custom");

  // Create, with a lifetime so regenerations carry one too.
  const first = await createTokenThroughUi(page, { name, description: "plaintext audit", roleLabel: "Contributor", expiration: "30 days" });
  shown.push(first);
  expect((await whoami(request, first)).status).toBe(200); // writes usage and rate-limit rows
  await finishReveal(page, first);

  // Regenerate, previous expires now.
  await gotoAccountRow(page, name);
  const second = await regenerateThroughUi(page, name);
  shown.push(second);
  await finishReveal(page, second);
  expect((await whoami(request, first)).status).toBe(401); // writes a refusal and an auth-failure row
  expect((await whoami(request, second)).status).toBe(200);

  // Regenerate, previous kept for an hour.
  const keepUntil = await localDateTimeAhead(page, 60);
  const third = await regenerateThroughUi(page, name, keepUntil.input);
  shown.push(third);
  await finishReveal(page, third);
  expect((await whoami(request, second)).status).toBe(200);
  expect((await whoami(request, third)).status).toBe(200);

  // Manage.
  await chooseRowAction(page, name, "Edit service account");
  const manage = page.getByRole("dialog", { name: "Edit service account" });
  await manage.getByLabel("Description").fill("plaintext audit, managed");
  await manage.getByLabel("Role").selectOption({ label: "Viewer" });
  await manage.getByRole("button", { name: "Update" }).click();
  await expect(manage).toHaveCount(0);

  // Revoke the current token on the detail page.
  const account = await getServiceAccountByName(name);
  const current = (await tokensOfAccount(account.id)).find((t) => t.secretHash === sha256(third))!;
  await page.goto(`/admin/api-tokens/${account.id}`);
  await page.getByRole("button", { name: `Revoke token ${current.hint}` }).click();
  await page.getByRole("dialog", { name: `Revoke token ${current.hint}?` }).getByRole("button", { name: "Revoke token", exact: true }).click();
  await expect(page.getByRole("region", { name: "Tokens" }).getByRole("row").filter({ hasText: current.hint })).toContainText("Revoked");
  expect((await whoami(request, third)).status).toBe(401);

  // A second account, with a custom date, from My tokens.
  const day = await page.evaluate(() => {
    const d = new Date(Date.now() + 20 * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  await page.goto("/tokens");
  const fourth = await createTokenThroughUi(page, { name: other, expiration: "Custom date", customDate: day }, "/tokens");
  shown.push(fourth);
  expect((await whoami(request, fourth)).status).toBe(200);
  await finishReveal(page, fourth);

  expect(new Set(shown).size).toBe(4);
  for (const token of shown) expect(token).toMatch(/^kh_[0-9A-Za-z]{49}$/);

  // Nothing the server renders holds a value, on any page that shows these accounts.
  const otherAccount = await getServiceAccountByName(other);
  for (const path of ["/admin/api-tokens", `/admin/api-tokens?q=plain`, "/tokens", `/admin/api-tokens/${account.id}`, `/admin/api-tokens/${otherAccount.id}`, "/admin/audit-log"]) {
    await page.goto(path);
    const html = await page.content();
    const served = await (await page.request.get(path)).text();
    for (const token of shown) {
      expect(html, `${path} (DOM)`).not.toContain(middleOf(token));
      expect(served, `${path} (HTML)`).not.toContain(middleOf(token));
    }
  }

  // Every row of every table, as text.
  const dump = await dumpPublicTables();
  expect([...dump.keys()]).toEqual(expect.arrayContaining(["ApiToken", "AuditEvent", "ServiceAccount", "TokenUsage", "rate_limits"]));
  const everything = [...dump.entries()].map(([table, rows]) => `-- ${table}\n${rows.join("\n")}`).join("\n");
  expect(everything).toContain(name); // the dump does hold these accounts' rows
  expect(everything).toContain("plaintext audit, managed");
  const apiTokens = dump.get("ApiToken")!.join("\n");
  for (const token of shown) {
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(middleOf(token));
    expect(everything.toLowerCase()).not.toContain(middleOf(token).toLowerCase());
    expect(apiTokens).toContain(sha256(token));
  }
  // The revoked, expired and live tokens are all still there, by hash only.
  expect(await tokensOfAccount(account.id)).toHaveLength(3);
});
