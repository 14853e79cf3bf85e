// Signing in and out through the real form, the lock-out, and sessions that end when the database says so.
import type { Page } from "@playwright/test";
import { actionId, actionResult, callAction, USER_ACTIONS } from "./support/actions";
import { auditEvents, createUser, getUser, refusalCounts, setStatusInDatabase, uniqueEmail } from "./support/db";
import { expect, test, type Credentials } from "./support/fixtures";

const INVALID = "Invalid email or password";

/** Fills and submits the form, and waits for the server's answer, so every call is exactly one attempt. */
async function submitLogin(page: Page, { email, password }: Credentials) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

/** A refused sign-in: the generic message, and still on the sign-in page. */
async function expectRefused(page: Page, message: string | RegExp = INVALID) {
  await expect(page.getByText(message)).toBeVisible();
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
}

/** No session: a protected page sends the browser to the sign-in page. */
async function expectNoSession(page: Page) {
  const response = await page.request.get("/admin/api-tokens", { maxRedirects: 0 });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.headers().location).toMatch(/\/login(\?.*)?$/);
}

test("signs in through the form, shows who is signed in and records it", async ({ page }) => {
  const user = await createUser({ role: "CONTRIBUTOR" });
  await page.goto("/login");
  await submitLogin(page, { email: user.email.toUpperCase(), password: user.password }); // emails are case-insensitive

  await expect(page).toHaveURL(/\/tokens$/);
  await expect(page.getByTestId("current-user")).toContainText(user.email);
  await expect(page.getByTestId("current-user")).toContainText(user.name);
  await expect(page.getByTestId("current-role")).toHaveText("Contributor");

  const userAgent = await page.evaluate(() => navigator.userAgent);
  const [event, ...more] = await auditEvents({ action: "user.signed_in", targetId: user.id });
  expect(more).toHaveLength(0);
  expect(event).toMatchObject({ actorType: "USER", actorId: user.id, result: "SUCCESS", ip: "127.0.0.1", userAgent });
  expect(event!.requestId).toBeTruthy();
  expect((await getUser(user.id)).lastSignInAt).not.toBeNull();
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  const user = await createUser({ role: "VIEWER" });
  const unknown = uniqueEmail("nobody");
  await page.goto("/login");

  await submitLogin(page, { email: user.email, password: "not-the-password" });
  await expectRefused(page);
  await submitLogin(page, { email: unknown, password: "not-the-password" });
  await expectRefused(page);
  await expectNoSession(page);

  // Failed sign-ins are aggregates per address, reason and user, written when their window ends.
  await expect.poll(async () => (await auditEvents({ action: "user.sign_in_failed", email: user.email })).length).toBe(1);
  const [wrong] = await auditEvents({ action: "user.sign_in_failed", email: user.email });
  expect(wrong).toMatchObject({ actorType: "ANONYMOUS", actorName: user.email, targetId: user.id, result: "FAILURE", ip: "127.0.0.1" });
  expect(wrong!.metadata).toMatchObject({ reason: "wrong_password", count: 1 });
  await expect.poll(async () => (await auditEvents({ action: "user.sign_in_failed", email: unknown })).length).toBe(1);
  const [missing] = await auditEvents({ action: "user.sign_in_failed", email: unknown });
  expect(missing).toMatchObject({ targetId: null, result: "FAILURE" });
  expect(missing!.metadata).toMatchObject({ reason: "unknown_email" });
  expect((await getUser(user.id)).lastSignInAt).toBeNull();
});

test("locks an email out after five failures, even for the right password", async ({ page }) => {
  const user = await createUser({ role: "VIEWER" });
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitLogin(page, { email: user.email, password: `wrong-password-${attempt}` });
    await expectRefused(page);
  }

  await submitLogin(page, user);
  await expectRefused(page, /^Too many failed sign-in attempts\. Try again in 1[45] minutes \(at \d\d:\d\d UTC\)\.$/);
  await expectNoSession(page);

  // Five wrong passwords (one aggregate per window: the attempts may straddle two), then the lock-out. The
  // locked_out aggregate is per address, so it may also count other tests' locked-out attempts.
  await expect
    .poll(async () => refusalCounts(await auditEvents({ action: "user.sign_in_failed", email: user.email })))
    .toEqual({ wrong_password: 5, locked_out: expect.any(Number) });
  expect(await auditEvents({ action: "user.signed_in", targetId: user.id })).toHaveLength(0);
});

test("signs out from the header", async ({ page, asRole }) => {
  const user = await asRole("VIEWER");
  await page.goto("/admin/api-tokens");
  await page.getByRole("button", { name: "Sign out" }).click();

  await expect(page).toHaveURL(/\/login(\?.*)?$/);
  await page.goto("/admin/api-tokens");
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  const [event] = await auditEvents({ action: "user.signed_out", targetId: user.id });
  expect(event).toMatchObject({ actorType: "USER", actorId: user.id, ip: "127.0.0.1" });
});

// Signing out revokes the session itself, so a copy of the cookie (stolen, or in another tab) dies with it.
test("a session cookie copied before sign-out no longer works after it", async ({ page, context, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/admin/api-tokens");
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
  await context.addCookies(cookies);
  await expectNoSession(page);
});

test("a disabled user cannot sign in, and learns nothing from the message", async ({ page }) => {
  const user = await createUser({ role: "ADMIN", status: "DISABLED" });
  await page.goto("/login");
  await submitLogin(page, user);
  await expectRefused(page);
  await expectNoSession(page);

  await expect.poll(async () => refusalCounts(await auditEvents({ action: "user.sign_in_failed", email: user.email }))).toEqual({ disabled: 1 });
});

test("a user disabled while signed in is signed out on the next request, and stays out once enabled", async ({
  page,
  asRole,
  signedInPage,
}) => {
  const user = await asRole("CONTRIBUTOR");
  await page.goto("/admin/api-tokens");
  await expect(page.getByTestId("current-role")).toHaveText("Contributor");

  const admin = await signedInPage(await createUser({ role: "ADMIN" }));
  const setStatus = (status: "ACTIVE" | "DISABLED") =>
    callAction(admin.request, "/admin/users", actionId(USER_ACTIONS, "setUserStatusAction"), [{ userId: user.id, status }]);
  expect(actionResult((await setStatus("DISABLED")).body)).toMatchObject({ ok: true });

  await page.reload();
  await expect(page).toHaveURL(/\/login(\?.*)?$/);

  // Enabling the account again does not revive a session issued before it was disabled.
  expect(actionResult((await setStatus("ACTIVE")).body)).toMatchObject({ ok: true });
  await expectNoSession(page);
});

test("a session ends as soon as the database says the user is disabled, however it got there", async ({ page, asRole }) => {
  const user = await asRole("AUDITOR");
  await page.goto("/admin/users");
  await setStatusInDatabase(user.id, "DISABLED"); // no session-version bump: the guard must check the status itself
  await page.reload();
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
  const { body } = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "setUserStatusAction"), [
    { userId: user.id, status: "ACTIVE" },
  ]);
  expect(actionResult(body)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
});

test("an anonymous visit to a console page goes to the sign-in page", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
  await expect(page.getByRole("heading", { name: "Sign in to Keyhold" })).toBeVisible();
});
