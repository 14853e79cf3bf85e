// Issue 9 §5: next-auth's own sign-out revokes the session, request ids are the server's, and the audit
// export refuses cross-site requests.
import type { APIRequestContext, Page } from "@playwright/test";
import { auditEvents, createUser, liveSessionCount } from "./support/db";
import { expect, test } from "./support/fixtures";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function csrfToken(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
}

async function expectNoSession(page: Page) {
  const response = await page.request.get("/admin/api-tokens", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/\/login(\?.*)?$/);
}

test("POST /api/auth/signout revokes the session: a copy of the cookie dies with it, and it is audited once", async ({ page, context, asRole }) => {
  const user = await asRole("VIEWER");
  const cookies = await context.cookies();
  expect(await liveSessionCount(user.id)).toBe(1);

  const signedOut = await page.request.post("/api/auth/signout", { form: { csrfToken: await csrfToken(page.request), callbackUrl: "/login" }, maxRedirects: 0 });
  expect(signedOut.status()).toBe(302);
  expect(await liveSessionCount(user.id)).toBe(0);

  await context.addCookies(cookies); // the copy, put back
  await expectNoSession(page);
  const events = await auditEvents({ action: "user.signed_out", targetId: user.id });
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ actorId: user.id, ip: "127.0.0.1" });
  expect(events[0]!.requestId).toMatch(UUID);
});

test("the header's sign-out still revokes and audits exactly once", async ({ page, asRole }) => {
  const user = await asRole("VIEWER");
  await page.goto("/admin/api-tokens");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?.*)?$/);
  expect(await liveSessionCount(user.id)).toBe(0);
  expect(await auditEvents({ action: "user.signed_out", targetId: user.id })).toHaveLength(1);
});

test("a client-chosen X-Request-Id never becomes the audit trail's request id", async ({ request, page }) => {
  const user = await createUser({ role: "VIEWER" });
  const chosen = "x".repeat(8_015);
  const refused = await request.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: "not-the-password", csrfToken: await csrfToken(request), callbackUrl: "/" },
    headers: { "X-Request-Id": chosen },
    maxRedirects: 0,
  });
  expect(refused.headers().location).toContain("error=");
  expect(refused.headers()["x-request-id"]).toMatch(UUID);
  // Failed sign-ins are audited as aggregates at the end of their window (1 s in e2e), with a sample request id.
  await expect.poll(async () => (await auditEvents({ action: "user.sign_in_failed", email: user.email })).length).toBe(1);
  const [event] = await auditEvents({ action: "user.sign_in_failed", email: user.email });
  expect(event!.requestId).toMatch(UUID);

  // A console page answers with the server's id too, whatever was sent (even something well-formed).
  const sent = "8a6e0804-2bd0-4672-b79e-d97358845ebc";
  const login = await page.request.get("/login", { headers: { "X-Request-Id": sent } });
  expect(login.headers()["x-request-id"]).toMatch(UUID);
  expect(login.headers()["x-request-id"]).not.toBe(sent);
});

test("the audit export refuses cross-site requests and writes nothing; same-origin downloads work", async ({ page, asRole }) => {
  const auditor = await asRole("AUDITOR");
  const exportUrl = "/admin/audit-log/export?format=csv";
  const crossSite: Record<string, string>[] = [{ "Sec-Fetch-Site": "cross-site" }, { "Sec-Fetch-Site": "same-site" }, { Origin: "https://evil.example" }, { Origin: "null" }];
  for (const headers of crossSite) {
    const response = await page.request.get(exportUrl, { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  }
  expect(await auditEvents({ action: "audit.exported", actorId: auditor.id })).toHaveLength(0);

  const baseURL = test.info().project.use.baseURL!;
  const sameOrigin: Record<string, string>[] = [{ "Sec-Fetch-Site": "same-origin" }, { "Sec-Fetch-Site": "none" }, { Origin: baseURL }];
  for (const headers of sameOrigin) {
    const response = await page.request.get(exportUrl, { headers });
    expect(response.status(), JSON.stringify(headers)).toBe(200);
    await response.body();
  }
  await expect.poll(async () => (await auditEvents({ action: "audit.exported", actorId: auditor.id })).length).toBe(3);
});
