// Issue 14 §3 end to end: single sign-on against a real OpenID provider (oidc-provider, lib/testing/oidc-provider.ts).
// Two more instances of the app on the suite's database: one with SSO and break-glass password sign-in for owners
// (most cases), one with password sign-in off (stopped after its one case).
import type { Browser, Page } from "@playwright/test";
import config, { E2E_OWNER } from "../../playwright.config";
import { freePort, startAppInstance, type AppInstance } from "../../lib/testing/app-instances";
import { startOidcProvider, type TestIdentity, type TestOidcProvider } from "../../lib/testing/oidc-provider";
import { expectNoViolations, pageAt, SCREENS } from "../support/axe";
import { auditEvents, createUser, findUserByEmail, randomSuffix } from "../support/db";
import { expect, test } from "../support/fixtures";

const serverEnv = (config.webServer as { env: Record<string, string> }).env;
const BUTTON = "Sign in with Acme SSO";
let idp: TestOidcProvider;
let app: AppInstance;
let passwordOff: AppInstance;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const ports = [await freePort(), await freePort()];
  idp = await startOidcProvider(ports.map((port) => `http://127.0.0.1:${port}`));
  const sso = {
    KEYHOLD_OIDC_ISSUER: idp.issuer,
    KEYHOLD_OIDC_CLIENT_ID: idp.clientId,
    KEYHOLD_OIDC_CLIENT_SECRET: idp.clientSecret,
    KEYHOLD_OIDC_NAME: "Acme SSO",
    KEYHOLD_OIDC_SCOPE: "openid email profile groups",
    KEYHOLD_OIDC_ROLE_MAP: "keyhold-admins=ADMIN,keyhold-auditors=AUDITOR",
    KEYHOLD_OIDC_ALLOWED_DOMAINS: "sso.test",
  };
  [app, passwordOff] = await Promise.all([
    startAppInstance(ports[0]!, { ...serverEnv, ...sso, KEYHOLD_PASSWORD_LOGIN: "owners" }),
    startAppInstance(ports[1]!, { ...serverEnv, ...sso, KEYHOLD_PASSWORD_LOGIN: "off" }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([app?.stopServer(), passwordOff?.stopServer()]);
  await idp?.stop();
});

/** A person at the provider (their login name there is the key); returns their email. */
function person(login: string, identity: TestIdentity): string {
  idp.people.set(login, identity);
  return identity.email;
}

/** Clicks the SSO button; at the provider's sign-in page (absent while its session lasts), signs in as `login`. */
async function signInWithSso(page: Page, login: string, { atProvider = true } = {}) {
  await page.goto(`${app.url}/login`);
  await page.getByRole("button", { name: BUTTON }).click();
  if (!atProvider) return;
  await page.waitForURL(`${idp.issuer}/**`);
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/** What a direct password sign-in at `url` comes to: "ok" (a session) or "refused". */
async function passwordSignIn(page: Page, url: string, email: string, password: string) {
  const { csrfToken } = (await (await page.request.get(`${url}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await page.request.post(`${url}/api/auth/callback/credentials`, { form: { email, password, csrfToken }, maxRedirects: 0 });
  return (response.headers().location ?? "").includes("error=") ? "refused" : "ok";
}

const newPage = async (browser: Browser) => (await browser.newContext()).newPage();

test("the login page offers SSO first and password sign-in as owners' break-glass; axe at 390 px", async ({ browser }) => {
  const page = await pageAt(browser, SCREENS.phone);
  await page.goto(`${app.url}/login`);
  await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Break-glass sign-in (owners only)" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: BUTTON })).toBeFocused();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expectNoViolations(page);
  await page.context().close();
});

test("first sign-in creates the user with the mapped role; a changed group changes it, audited by SSO", async ({ browser }) => {
  const page = await newPage(browser);
  const login = `ada-${randomSuffix()}`;
  const email = person(login, { email: `${login}@sso.test`, email_verified: true, name: "Ada Lovelace", groups: ["staff", "keyhold-admins"] });
  await signInWithSso(page, login);
  await page.waitForURL(`${app.url}/`);
  await expect(page.getByTestId("current-user")).toContainText(email);
  await expect(page.getByTestId("current-role")).toHaveText("Admin");
  const user = (await findUserByEmail(email))!;
  expect(user).toMatchObject({ role: "ADMIN", name: "Ada Lovelace", status: "ACTIVE" });
  const [created] = await auditEvents({ action: "user.created", targetId: user.id });
  expect(created).toMatchObject({ actorType: "SYSTEM", actorName: "SSO", metadata: { after: { role: "ADMIN" }, method: "sso" } });
  expect(await auditEvents({ action: "user.signed_in", targetId: user.id })).toMatchObject([{ actorId: user.id, ip: "127.0.0.1", metadata: { method: "sso" } }]);

  // Moved to the auditors at the provider: the next sign-in (the provider's session still open) says so.
  idp.people.get(login)!.groups = ["keyhold-auditors"];
  await page.context().clearCookies({ name: /^authjs\./ });
  await signInWithSso(page, login, { atProvider: false });
  await page.waitForURL(`${app.url}/`);
  await expect(page.getByTestId("current-role")).toHaveText("Auditor");
  expect((await findUserByEmail(email))!.role).toBe("AUDITOR");
  expect(await auditEvents({ action: "user.role_changed", targetId: user.id })).toMatchObject([
    { actorType: "SYSTEM", actorName: "SSO", metadata: { before: { role: "ADMIN" }, after: { role: "AUDITOR" } } },
  ]);
  await page.context().close();
});

test("an email domain not on the allowlist is refused with a clear message, and no user is made", async ({ browser }) => {
  const page = await newPage(browser);
  const login = `eve-${randomSuffix()}`;
  const email = person(login, { email: `${login}@evil.test`, email_verified: true, groups: ["keyhold-admins"] });
  await signInWithSso(page, login);
  await page.waitForURL(`${app.url}/login?error=domain_not_allowed`);
  await expect(page.getByRole("alert").filter({ hasText: "domain is not allowed to sign in to Keyhold" })).toBeVisible();
  expect(await findUserByEmail(email)).toBeNull();
  await page.context().close();
});

test("password sign-in: owners only while SSO is on (break-glass), nobody when off", async ({ browser }) => {
  const page = await newPage(browser);
  const admin = await createUser({ role: "ADMIN" });
  expect(await passwordSignIn(page, app.url, admin.email, admin.password)).toBe("refused");
  expect(await passwordSignIn(page, app.url, E2E_OWNER.email, E2E_OWNER.password)).toBe("ok");

  // Cookies do not tell ports apart: the owner's session would open the other instance too.
  await page.context().clearCookies();
  await page.goto(`${passwordOff.url}/login`);
  await expect(page.getByRole("button", { name: BUTTON })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  expect(await passwordSignIn(page, passwordOff.url, E2E_OWNER.email, E2E_OWNER.password)).toBe("refused");
  await passwordOff.stopServer();
  await page.context().close();
});
