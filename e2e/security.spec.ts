// Response headers, the client address the audit trail records, cookies, and cross-site action calls.
import type { APIRequestContext } from "@playwright/test";
import { actionId, actionResult, callAction, USER_ACTIONS } from "./support/actions";
import { auditEvents, createUser, findUserByEmail, refusalCounts, uniqueEmail } from "./support/db";
import { expect, test } from "./support/fixtures";

// What a client might send to pass itself off as someone else.
const SPOOFED = { "X-Forwarded-For": "203.0.113.7", "X-Real-IP": "203.0.113.8", "x-keyhold-client-ip": "198.51.100.9" };

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

/** One sign-in attempt through next-auth's endpoint; returns where it redirected to. */
async function postSignIn(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/" },
    headers,
    maxRedirects: 0,
  });
  return response.headers().location ?? "";
}

test("pages, API routes and static files carry the security headers", async ({ page, request, asRole }) => {
  const login = await request.get("/login");
  expectSecurityHeaders(login.headers(), "/login");
  // Scripts run only with the per-request nonce, and the page's own scripts carry it.
  const nonce = /script-src[^;]*'nonce-([^']+)'/.exec(login.headers()["content-security-policy"]!)?.[1];
  expect(nonce).toBeTruthy();
  const html = await login.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(login.headers()["content-security-policy"]).not.toContain("unsafe-eval");

  expectSecurityHeaders((await request.get("/api/auth/csrf")).headers(), "/api/auth/csrf");
  // The REST API is served by its own HTTP layer (lib/api/server.ts), with the same headers, a request id and no caching.
  for (const path of ["/api/health", "/api/v1/whoami", "/api/v1/no-such-endpoint"]) {
    const headers = (await request.get(path)).headers();
    expectSecurityHeaders(headers, path);
    expect(headers["x-request-id"], path).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["cache-control"], path).toBe("no-store");
  }
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  expectSecurityHeaders((await request.get(script!)).headers(), script!);

  await asRole("VIEWER");
  const response = await page.goto("/admin/api-tokens");
  expectSecurityHeaders(response!.headers(), "/admin/api-tokens");
});

test("the policy does not break the console: no CSP violations, and the sign-in form hydrates", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click(); // client-side validation needs the scripts
  await expect(page.getByText("Enter your email")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the audit trail records the socket's address, not one the client claims", async ({ page, request }) => {
  const user = await createUser({ role: "VIEWER" });

  // Through the sign-in form (a server action) ...
  await page.setExtraHTTPHeaders(SPOOFED);
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Invalid email or password")).toBeVisible();
  // ... and through next-auth's endpoint.
  expect(await postSignIn(request, user.email, "also-not-the-password", SPOOFED)).toContain("error=");

  // One aggregate for both (two if they straddle a window's end), from the socket's address.
  await expect.poll(async () => refusalCounts(await auditEvents({ action: "user.sign_in_failed", email: user.email }))).toEqual({ wrong_password: 2 });
  const events = await auditEvents({ action: "user.sign_in_failed", email: user.email });
  for (const event of events) expect(event.ip).toBe("127.0.0.1");
});

test("a changing X-Forwarded-For does not get around the lock-out", async ({ request }) => {
  const user = await createUser({ role: "VIEWER" });
  for (let attempt = 1; attempt <= 5; attempt++) {
    const location = await postSignIn(request, user.email, "wrong-password", { "X-Forwarded-For": `203.0.113.${attempt}` });
    expect(location).toContain("code=invalid");
  }
  const location = await postSignIn(request, user.email, user.password, { "X-Forwarded-For": "203.0.113.99" });
  expect(location).toMatch(/code=locked/);

  await expect.poll(async () => refusalCounts(await auditEvents({ action: "user.sign_in_failed", email: user.email }))).toMatchObject({ wrong_password: 5 });
  await expect.poll(async () => Object.keys(refusalCounts(await auditEvents({ action: "user.sign_in_failed", email: user.email })))).toContain("locked_out");
  for (const event of await auditEvents({ action: "user.sign_in_failed", email: user.email })) expect(event.ip).toBe("127.0.0.1");
  expect(await auditEvents({ action: "user.signed_in", targetId: user.id })).toHaveLength(0);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context, asRole }) => {
  await asRole("VIEWER");
  await page.goto("/admin/api-tokens");
  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
});

test("a server action posted from another origin is refused, even with a valid session", async ({ page, asRole }) => {
  await asRole("ADMIN");
  const email = uniqueEmail("cross-site");
  const input = { name: "Cross Site", email, role: "VIEWER", passwordMode: "generate" };
  const { response, body } = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "createUserAction"), [input], {
    Origin: "https://evil.example",
  });

  expect(response.ok()).toBe(false);
  expect(body).not.toContain('"ok":true');
  expect(await findUserByEmail(email)).toBeNull();

  // The same call from the console's own origin works, so the refusal above is about the origin.
  const sameOrigin = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "createUserAction"), [input]);
  expect(actionResult(sameOrigin.body)).toMatchObject({ ok: true, data: { email } });
});
