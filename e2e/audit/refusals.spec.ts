// Attempted escalations in the audit trail: refused operations are action.refused aggregates naming the account
// they were about, and the Audit Log's Action filter finds them.
import { E2E_OWNER } from "../../playwright.config";
import { auditLog } from "../support/audit";
import { auditEvents, refusalCounts } from "../support/db";
import { expect, test } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken } from "../support/tokens";

test("a CONTRIBUTOR token raising its account to ADMIN, or deleting another owner's, is recorded with the target named", async ({ page, request, signIn }) => {
  const caller = await createServiceAccountWithToken("CONTRIBUTOR");
  const mine = await createServiceAccountWithToken("VIEWER", { owner: caller.owner });
  const theirs = await createServiceAccountWithToken("VIEWER");
  const api = apiClient(request, caller.value);

  for (let i = 0; i < 2; i++) expect((await api.patch(`/api/v1/service-accounts/${mine.accountId}`, { role: "ADMIN" })).status()).toBe(403);
  expect((await api.delete(`/api/v1/service-accounts/${theirs.accountId}`)).status()).toBe(404);

  const refused = () => auditEvents({ action: "action.refused", actorId: caller.accountId });
  await expect.poll(async () => refusalCounts(await refused())).toEqual({ role_ceiling: 2, not_visible: 1 });
  const events = await refused();
  for (const event of events) {
    const reason = (event.metadata as { reason: string }).reason;
    const target = reason === "role_ceiling" ? mine : theirs;
    expect(event).toMatchObject({ actorType: "SERVICE_ACCOUNT", targetType: "service_account", targetId: target.accountId, targetName: target.accountName, result: "DENIED" });
    expect(event.metadata).toMatchObject({ via: "api", status: reason === "role_ceiling" ? 403 : 404 });
  }
  // Neither account changed.
  expect((await apiClient(request, mine.value).get("/api/v1/whoami")).status()).toBe(200);
  expect((await apiClient(request, theirs.value).get("/api/v1/whoami")).status()).toBe(200);

  await signIn(page, E2E_OWNER);
  const log = auditLog(page);
  await log.goto(`actor=${caller.accountName}`);
  await log.tickActions(["Action refused"]);
  await expect.poll(() => log.params("action")).toEqual(["action.refused"]);
  await log.expectCount(events.length);
  expect(new Set(await log.targetNames())).toEqual(new Set([mine.accountName, theirs.accountName]));
  expect(new Set(await log.actions())).toEqual(new Set(["action.refused"]));
});

test("a page or a download the role may not open is refused and recorded as aggregates", async ({ page, asRole }) => {
  const viewer = await asRole("VIEWER");
  for (let i = 0; i < 3; i++) expect((await page.goto("/admin/users"))?.status()).toBe(403);
  expect((await page.request.get("/admin/audit-log/export?format=csv")).status()).toBe(403);
  const refused = () => auditEvents({ action: "action.refused", actorId: viewer.id });
  await expect.poll(async () => (await refused()).reduce((n, e) => n + (e.metadata as { count: number }).count, 0)).toBe(4);
  const events = await refused();
  // The e2e window is 1 s, so the visits may span two windows: count per kind of request.
  const perKind: Record<string, number> = {};
  for (const { metadata } of events) {
    const { action, count } = metadata as { action: string; count: number };
    perKind[action] = (perKind[action] ?? 0) + count;
  }
  expect(perKind).toEqual({ "console.page:users.read": 3, "console.download:audit.read": 1 });
  expect(refusalCounts(events)).toEqual({ missing_permission: 4 });
});
