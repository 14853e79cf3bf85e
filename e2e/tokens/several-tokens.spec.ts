// Several tokens per service account, driven through the console and checked against the API: a second token
// with scopes and an allowed range works independently of the first, is held to its scopes, survives the
// first's revocation, and rotates with a new expiry whose date is shown before confirming.
import { expect, test } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken, errorOf } from "../support/tokens";

test("add a second token with scopes and a range, use both, revoke one, rotate the other with a new expiry", async ({ page, request, asRole }) => {
  const me = await asRole("CONTRIBUTOR");
  const account = await createServiceAccountWithToken("CONTRIBUTOR", { owner: me });
  await page.goto(`/admin/api-tokens/${account.accountId}`);
  const section = page.getByRole("region", { name: "Tokens" });
  await expect(section.getByRole("row").filter({ hasText: "default" })).toContainText("Full access");

  // Add token: Token ID, description, never expires, one scope, a range that includes 127.0.0.1.
  await section.getByRole("button", { name: "Add token" }).click();
  const dialog = page.getByRole("dialog", { name: "Add token" });
  await dialog.getByLabel("Token ID").fill("reader");
  await dialog.getByLabel("Description").fill("Reads accounts only");
  await dialog.getByLabel("Expiration", { exact: true }).selectOption({ label: "Never" });
  await dialog.getByLabel("Only these scopes").check();
  await dialog.getByRole("checkbox", { name: /service_accounts:read/ }).check();
  await dialog.getByLabel("Allowed IP ranges").fill("127.0.0.0/8\n0.0.0.0/1");
  await expect(dialog.getByRole("status")).toContainText("0.0.0.0/1"); // wider than /8: warned about
  await dialog.getByLabel("Allowed IP ranges").fill("127.0.0.0/8");
  await expect(dialog.getByRole("status")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Add token" }).click();
  const reveal = page.getByRole("dialog", { name: "Copy your API token" });
  const scoped = await reveal.getByLabel("Access token").inputValue();
  expect(scoped).toMatch(/^kh_/);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(section.getByRole("button", { name: "Add token" })).toBeFocused(); // focus back on the opener
  const row = section.getByRole("row").filter({ hasText: "reader" });
  await expect(row).toContainText("service_accounts:read");
  await expect(row).toContainText("127.0.0.0/8");
  await expect(section.getByRole("heading")).toContainText("2 live");

  // Both work, each as itself; the scoped one is held to its scope.
  const first = apiClient(request, account.value);
  const second = apiClient(request, scoped);
  const whoFirst = await (await first.get("/api/v1/whoami")).json();
  const whoSecond = await (await second.get("/api/v1/whoami")).json();
  expect(whoFirst.serviceAccount.id).toBe(account.accountId);
  expect(whoSecond.serviceAccount.id).toBe(account.accountId);
  expect(whoSecond.token.id).not.toBe(whoFirst.token.id);
  expect((await second.get(`/api/v1/service-accounts/${account.accountId}/tokens`)).status()).toBe(200);
  const refused = await second.post(`/api/v1/service-accounts/${account.accountId}/tokens`, { name: "more" });
  expect(refused.status()).toBe(403);
  expect((await errorOf(refused)).code).toBe("insufficient_scope");
  expect(refused.headers()["www-authenticate"]).toContain('scope="tokens:write"');

  // Revoking the first leaves the second working.
  const firstRow = section.getByRole("row").filter({ hasText: "default" });
  await firstRow.getByRole("button", { name: /^Revoke token/ }).click();
  await page.getByRole("dialog", { name: /^Revoke token/ }).getByRole("button", { name: "Revoke token", exact: true }).click();
  await expect(firstRow).toContainText("Revoked");
  expect((await first.get("/api/v1/whoami")).status()).toBe(401);
  expect((await second.get("/api/v1/whoami")).status()).toBe(200);

  // Rotate the second with a new expiry: the resulting date is shown before confirming.
  await row.getByRole("button", { name: /^Rotate token/ }).click();
  const rotate = page.getByRole("dialog", { name: "Rotate token reader" });
  await expect(rotate.getByTestId("rotate-resulting-expiry")).toHaveText("The new token never expires.");
  await rotate.getByLabel("New token expires").selectOption({ label: "30 days" });
  const shown = rotate.getByTestId("rotate-resulting-expiry").locator("time");
  const expected = Date.now() + 30 * 86_400_000;
  expect(Math.abs(Date.parse((await shown.getAttribute("datetime"))!) - expected)).toBeLessThan(120_000);
  await rotate.getByRole("button", { name: "Rotate" }).click();
  const rotated = await page.getByRole("dialog", { name: "Copy your API token" }).getByLabel("Access token").inputValue();
  await page.getByRole("dialog", { name: "Copy your API token" }).getByRole("button", { name: "Done" }).click();
  expect((await second.get("/api/v1/whoami")).status()).toBe(401);
  const who = await (await apiClient(request, rotated).get("/api/v1/whoami")).json();
  expect(Math.abs(Date.parse(who.token.expiresAt) - expected)).toBeLessThan(120_000);
  const listed = await (await apiClient(request, rotated).get(`/api/v1/service-accounts/${account.accountId}/tokens`)).json();
  const live = listed.data.filter((t: { status: string; revokedAt: string | null; name: string }) => t.name === "reader" && t.status === "active");
  expect(live.map((t: { scopes: string[]; allowedIps: string[] }) => [t.scopes, t.allowedIps])).toEqual([[["service_accounts:read"], ["127.0.0.0/8"]]]);
});
