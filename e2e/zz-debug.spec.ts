import { actionId, callAction, USER_ACTIONS } from "./support/actions";
import { uniqueEmail } from "./support/db";
import { test } from "./support/fixtures";
test("debug", async ({ page, asRole, request }) => {
  await asRole("ADMIN");
  const r = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "createUserAction"), [{ name: "X", email: uniqueEmail("dbg"), role: "VIEWER", passwordMode: "set", password: "short" }]);
  console.log(r.response.status(), r.response.headers()["content-type"], JSON.stringify(r.body));
  const r2 = await callAction(page.request, "/admin/users", actionId(USER_ACTIONS, "createUserAction"), [{ name: "X", email: uniqueEmail("dbg"), role: "VIEWER", passwordMode: "generate" }]);
  console.log(r2.response.status(), JSON.stringify(r2.body));
  const r3 = await callAction(request, "/admin/users", actionId(USER_ACTIONS, "createUserAction"), [{ name: "X", email: uniqueEmail("dbg"), role: "VIEWER", passwordMode: "generate" }]);
  console.log(r3.response.status(), JSON.stringify(r3.body));
  for (const p of ["/login", "/admin/users", "/_next/static/chunks/nonexistent.js", "/api/auth/csrf"]) {
    const h = await request.get(p, { maxRedirects: 0 });
    console.log(p, h.status(), JSON.stringify(h.headersArray().filter(x => /security|content-type-options|referrer|frame/i.test(x.name))));
  }
});
