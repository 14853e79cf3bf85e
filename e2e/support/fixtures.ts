// The `test` every spec uses: seeded users and sign-in without the UI (only auth.spec.ts signs in by hand).
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { closeDb, createUser, type Role, type SeededUser, type UserStatus } from "./db";

export { expect };
export type Credentials = { email: string; password: string };

/**
 * Signs `page`'s browser context in through next-auth's credentials endpoint, as the login form's action
 * would, so the session cookie lands in the context. Fails the test if no session came of it.
 */
export async function signIn(page: Page, user: Credentials): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  expect(csrf.ok()).toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken, callbackUrl: "/admin/api-tokens" },
    maxRedirects: 0,
  });
  expect(response.status(), "the credentials callback redirects").toBe(302);
  expect(response.headers().location ?? "", `sign-in of ${user.email} was refused`).not.toContain("error=");
  // next-auth's own session endpoint, not a console page: a page render per sign-in cost every test a second.
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  expect(session?.user?.email, `${user.email} has a session`).toBe(user.email);
}

type Fixtures = {
  signIn: (page: Page, user: Credentials) => Promise<void>;
  /** A second browser, signed in as someone else (an admin acting while the user under test is signed in). */
  signedInPage: (user: Credentials) => Promise<Page>;
  /** Seeds a user with this role (never OWNER: use E2E_OWNER) and signs `page` in as them. */
  asRole: (role: Exclude<Role, "OWNER">, options?: { name?: string; status?: UserStatus }) => Promise<SeededUser>;
};

// The fixture callback is named `provide`, not Playwright's usual `use`: the React hooks lint rule would
// take that for React's use().
export const test = base.extend<Fixtures, { database: void }>({
  signIn: async ({}, provide) => {
    await provide(signIn);
  },
  signedInPage: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (user) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, user);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  asRole: async ({ page }, provide) => {
    await provide(async (role, options) => {
      const user = await createUser({ role, ...options });
      await signIn(page, user);
      return user;
    });
  },
  // Ends the worker's database pool after its last test, so the worker exits cleanly.
  database: [
    async ({}, provide) => {
      await provide();
      await closeDb();
    },
    { scope: "worker", auto: true },
  ],
});
