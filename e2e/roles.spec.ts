// What each role may see and do, and that the server refuses what the UI merely hides.
import { E2E_OWNER } from "../playwright.config";
import { actionId, actionResult, callAction, USER_ACTIONS } from "./support/actions";
import { auditEvents, countUsers, createUser, findUserByEmail, getUser, uniqueEmail, type Role } from "./support/db";
import { expect, test } from "./support/fixtures";

const PAGES = [
  { path: "/admin/api-tokens", label: "API Tokens" },
  { path: "/admin/audit-log", label: "Audit Log" },
  { path: "/admin/users", label: "Users" },
] as const;

const ALLOWED: Record<Role, readonly string[]> = {
  OWNER: ["API Tokens", "Audit Log", "Users"],
  ADMIN: ["API Tokens", "Audit Log", "Users"],
  AUDITOR: ["API Tokens", "Audit Log", "Users"],
  CONTRIBUTOR: ["API Tokens"],
  VIEWER: ["API Tokens"],
};

// The navigation offers API Tokens (every account) to those who read every account; the others see the same
// page's content as My tokens, which every role has.
const IN_NAV: Record<Role, readonly string[]> = {
  OWNER: ["API Tokens", "Audit Log", "Users"],
  ADMIN: ["API Tokens", "Audit Log", "Users"],
  AUDITOR: ["API Tokens", "Audit Log", "Users"],
  CONTRIBUTOR: [],
  VIEWER: [],
};

const newUserInput = (email: string) => ({ name: "Should not exist", email, role: "VIEWER", passwordMode: "generate" });

for (const role of Object.keys(ALLOWED) as Role[]) {
  test(`${role} sees exactly the sections it may use, and gets 403 on the others`, async ({ page, asRole, signIn }) => {
    if (role === "OWNER") await signIn(page, E2E_OWNER); // the only owner there is
    else await asRole(role);

    await page.goto("/admin/api-tokens");
    const nav = page.getByRole("complementary").getByRole("navigation");
    for (const label of [...PAGES.map((p) => p.label), "My tokens"]) {
      await expect(nav.getByRole("link", { name: label, exact: true }), label).toHaveCount(IN_NAV[role].includes(label) || label === "My tokens" ? 1 : 0);
    }
    await expect(nav.getByText("Admin", { exact: true }), "no section is called Admin").toHaveCount(0);

    for (const { path, label } of PAGES) {
      const response = await page.goto(path);
      if (ALLOWED[role].includes(label)) {
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
      } else {
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
      }
    }
  });
}

test("a VIEWER's hand-made call to createUserAction is refused and creates nobody", async ({ page, asRole }) => {
  const viewer = await asRole("VIEWER");
  const email = uniqueEmail("viewer-made");
  const { body } = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "createUserAction"), [newUserInput(email)]);

  expect(actionResult(body)).toMatchObject({ ok: false, error: { code: "forbidden" } });
  expect(await findUserByEmail(email)).toBeNull();
  expect(await auditEvents({ action: "user.created", actorId: viewer.id })).toHaveLength(0);
});

test("an anonymous call to createUserAction is refused and creates nobody", async ({ request }) => {
  const email = uniqueEmail("anonymous-made");
  const { body } = await callAction(request, "/admin/users", actionId(USER_ACTIONS, "createUserAction"), [newUserInput(email)]);

  expect(actionResult(body)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
  expect(await findUserByEmail(email)).toBeNull();
});

test("an AUDITOR reads the Users page but cannot change anything", async ({ page, asRole }) => {
  await asRole("AUDITOR");
  const target = await createUser({ role: "VIEWER" });

  await page.goto(`/admin/users?q=${encodeURIComponent(target.email)}`);
  await expect(page.getByRole("cell", { name: target.email })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add user" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0);

  const { body } = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "setUserStatusAction"), [
    { userId: target.id, status: "DISABLED" },
  ]);
  expect(actionResult(body)).toMatchObject({ ok: false, error: { code: "forbidden" } });
  expect((await getUser(target.id)).status).toBe("ACTIVE");
  expect(await auditEvents({ action: "user.disabled", targetId: target.id })).toHaveLength(0);
});

test("a CONTRIBUTOR cannot promote itself through changeUserRoleAction", async ({ page, asRole }) => {
  const contributor = await asRole("CONTRIBUTOR");
  const { body } = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "changeUserRoleAction"), [
    { userId: contributor.id, role: "ADMIN" },
  ]);
  expect(actionResult(body)).toMatchObject({ ok: false, error: { code: "forbidden" } });
  expect((await getUser(contributor.id)).role).toBe("CONTRIBUTOR");
});

test("an ADMIN cannot create an OWNER, nor demote or disable the owner, by calling the actions directly", async ({ page, asRole }) => {
  await asRole("ADMIN");
  const owner = await findUserByEmail(E2E_OWNER.email);
  const owners = await countUsers({ role: "OWNER" });
  const email = uniqueEmail("admin-made-owner");
  const call = (name: string, input: object) => callAction(page.request, "/admin/users", actionId(USER_ACTIONS, name), [input]);

  const created = await call("createUserAction", { ...newUserInput(email), role: "OWNER" });
  expect(actionResult(created.body)).toMatchObject({ ok: false, error: { code: "forbidden" } });
  const demoted = await call("changeUserRoleAction", { userId: owner!.id, role: "VIEWER" });
  expect(actionResult(demoted.body)).toMatchObject({ ok: false, error: { code: "forbidden" } });
  const disabled = await call("setUserStatusAction", { userId: owner!.id, status: "DISABLED" });
  expect(actionResult(disabled.body)).toMatchObject({ ok: false, error: { code: "forbidden" } });

  expect(await findUserByEmail(email)).toBeNull();
  expect(await getUser(owner!.id)).toMatchObject({ role: "OWNER", status: "ACTIVE" });
  expect(await countUsers({ role: "OWNER" })).toBe(owners);
});
