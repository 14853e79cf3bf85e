// Issue 9 §2's reproductions, each now a 4xx in the error shape (API) or a field error (console).
import { expect, test } from "@playwright/test";
import { actionId, actionResult, callAction, USER_ACTIONS } from "../support/actions";
import { db } from "../support/db";
import { signIn } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken, errorOf } from "../support/tokens";
import { E2E_OWNER } from "../../playwright.config";

const NUL = "\u0000";
const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");
const TAMPERED = [cursorOf(["", ""]), cursorOf(["a", "not-a-uuid"]), cursorOf(["1e3"]), cursorOf(["99999999999999999999"])];
const inAYear = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString();

/** The one shape of an input error's details. */
async function expectFieldError(response: Awaited<ReturnType<ReturnType<typeof apiClient>["get"]>>, status: number, code: string, field: string) {
  expect(response.status(), await response.text()).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  expect(error.details).toEqual({ fieldErrors: expect.objectContaining({ [field]: expect.any(Array) }), formErrors: expect.any(Array) });
}

test.describe("REST API: no input gives a 500", () => {
  test("NUL in filters, description and owner is a 422 on that field", async ({ request }) => {
    const admin = apiClient(request, (await createServiceAccountWithToken("ADMIN")).value);
    const auditor = apiClient(request, (await createServiceAccountWithToken("AUDITOR")).value);
    await expectFieldError(await admin.get(`/api/v1/service-accounts?q=a%00b`), 422, "validation", "q");
    for (const field of ["actor", "target"]) await expectFieldError(await auditor.get(`/api/v1/audit-events?${field}=%00`), 422, "validation", field);
    const name = `nul-${Date.now()}`;
    await expectFieldError(await admin.post("/api/v1/service-accounts", { name, role: "VIEWER", description: `a${NUL}b` }), 422, "validation", "description");
    await expectFieldError(await admin.post("/api/v1/service-accounts", { name, role: "VIEWER", owner: `x${NUL}@e2e.test` }), 422, "validation", "owner");
    // Tab and line breaks are fine in a description.
    expect((await admin.post("/api/v1/service-accounts", { name, role: "VIEWER", description: "two\r\nlines\tand a tab" })).status()).toBe(201);
  });

  test("tampered cursors are 422 invalid_cursor on every list", async ({ request }) => {
    const admin = apiClient(request, (await createServiceAccountWithToken("ADMIN")).value);
    const auditor = apiClient(request, (await createServiceAccountWithToken("AUDITOR")).value);
    for (const cursor of TAMPERED) {
      await expectFieldError(await admin.get(`/api/v1/service-accounts?cursor=${cursor}`), 422, "invalid_cursor", "cursor");
      await expectFieldError(await admin.get(`/api/v1/users?cursor=${cursor}`), 422, "invalid_cursor", "cursor");
      await expectFieldError(await auditor.get(`/api/v1/audit-events?cursor=${cursor}`), 422, "invalid_cursor", "cursor");
    }
  });

  test("dates are bounded (1970–9999, keep-until within a year) and lower-case t/z is accepted", async ({ request }) => {
    const seeded = await createServiceAccountWithToken("ADMIN");
    const admin = apiClient(request, seeded.value);
    const auditor = apiClient(request, (await createServiceAccountWithToken("AUDITOR")).value);
    await expectFieldError(await auditor.get("/api/v1/audit-events?until=0000-01-01T00:00:00Z"), 422, "validation", "until");
    expect((await auditor.get("/api/v1/audit-events?since=2026-01-01t00:00:00z&limit=1")).status()).toBe(200);

    const created = await admin.post("/api/v1/service-accounts", { name: `dates-${Date.now()}`, role: "VIEWER", expiresAt: inAYear(30).replace("T", "t").replace("Z", "z") });
    expect(created.status()).toBe(201);
    const id = ((await created.json()) as { serviceAccount: { id: string } }).serviceAccount.id;
    const regenerate = (at: string) => admin.post(`/api/v1/service-accounts/${id}/tokens`, { previousTokenExpiresAt: at });
    await expectFieldError(await regenerate("9999-12-31T23:59:59-23:59"), 422, "validation", "previousTokenExpiresAt");
    await expectFieldError(await regenerate(inAYear(400)), 422, "validation", "previousTokenExpiresAt");
    // After the token's own expiry (30 days): refused too.
    await expectFieldError(await regenerate(inAYear(60)), 422, "validation", "previousTokenExpiresAt");
    expect((await regenerate(inAYear(10))).status()).toBe(201);
    expect((await admin.get(`/api/v1/service-accounts/${id}`)).status()).toBe(200);
  });

  test("a far date stored before these bounds does not break the account's page or its API detail", async ({ page, request }) => {
    const seeded = await createServiceAccountWithToken("ADMIN");
    const victim = await createServiceAccountWithToken("VIEWER");
    await db().query(`UPDATE "ApiToken" SET "expiresAt" = '10000-01-01T00:00:00Z' WHERE id = $1`, [victim.tokenId]);
    await db().query(`UPDATE "ServiceAccount" SET "tokenExpiresAt" = '10000-01-01T00:00:00Z' WHERE id = $1`, [victim.accountId]);
    expect((await apiClient(request, seeded.value).get(`/api/v1/service-accounts/${victim.accountId}`)).status()).toBe(200);
    await signIn(page, E2E_OWNER);
    const response = await page.goto(`/admin/api-tokens/${victim.accountId}`);
    expect(response!.status()).toBe(200);
    await expect(page.getByRole("heading", { name: victim.accountName })).toBeVisible();
    await db().query(`UPDATE "ServiceAccount" SET "tokenExpiresAt" = NULL WHERE id = $1`, [victim.accountId]);
    await db().query(`UPDATE "ApiToken" SET "expiresAt" = NULL WHERE id = $1`, [victim.tokenId]);
  });

  test("framework errors (bad URL, over-long id) answer in the error shape, before authentication", async ({ request }) => {
    const badUrl = await request.get("/api/v1/service-accounts/%E0%A4%A");
    expect(badUrl.status()).toBe(400);
    expect(await errorOf(badUrl)).toMatchObject({ code: "bad_request" });
    const longId = await request.get(`/api/v1/service-accounts/${"a".repeat(101)}`);
    expect(longId.status()).toBe(404);
    expect(await errorOf(longId)).toMatchObject({ code: "not_found" });
  });

  test("PATCH of an unknown account is a 404, not a 422 about fields that were not sent", async ({ request }) => {
    const admin = apiClient(request, (await createServiceAccountWithToken("ADMIN")).value);
    const unknown = "/api/v1/service-accounts/8a6e0804-2bd0-4672-b79e-d97358845ebc";
    // Whatever the body: a valid part, nothing, an unknown field; and for a regeneration too.
    for (const response of [
      await admin.patch(unknown, { description: "x" }),
      await admin.patch(unknown, {}),
      await admin.patch(unknown, { bogus: true }),
      await admin.post(`${unknown}/tokens`, { previousTokenExpiresAt: "0000-01-01T00:00:00Z" }),
    ]) {
      expect(response.status()).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    }
  });

  test("a name differing only in case is the same 409 as an exact duplicate", async ({ request }) => {
    const seeded = await createServiceAccountWithToken("ADMIN");
    const admin = apiClient(request, seeded.value);
    const name = `SP-case-${Date.now()}`;
    expect((await admin.post("/api/v1/service-accounts", { name, role: "VIEWER" })).status()).toBe(201);
    const exact = await admin.post("/api/v1/service-accounts", { name, role: "VIEWER" });
    const otherCase = await admin.post("/api/v1/service-accounts", { name: name.toLowerCase(), role: "VIEWER" });
    await expectFieldError(otherCase, 409, "conflict", "name");
    expect(await errorOf(otherCase)).toEqual(await errorOf(exact));
  });
});

test.describe("console: no input gives a 500", () => {
  test("NUL in a user's name is a field error; NUL in the sign-in email is the generic refusal", async ({ page, request }) => {
    await signIn(page, E2E_OWNER);
    const { body } = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "createUserAction"), [
      { name: `bad${NUL}name`, email: `nul-${Date.now()}@e2e.test`, role: "VIEWER", passwordMode: "generate" },
    ]);
    expect(actionResult(body)).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { name: [expect.any(String)] } } });

    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signInResponse = await request.post("/api/auth/callback/credentials", {
      form: { email: `owner${NUL}@e2e.test`, password: "whatever-password", csrfToken, callbackUrl: "/" },
      maxRedirects: 0,
    });
    expect(signInResponse.status()).toBe(302);
    expect(signInResponse.headers().location).toContain("code=invalid");
  });
});
