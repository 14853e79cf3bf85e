// The Audit Log page: every filter (alone and combined), keyset paging both ways, the detail panel with its
// diff, both exports and Verify integrity. Events are written by the app, through the REST API.
import { E2E_OWNER } from "../../playwright.config";
import {
  accountName,
  auditLog,
  auditRows,
  csvCells,
  CSV_HEADER,
  downloadExport,
  expectIntegrityVerified,
  localInputValue,
  seedAuditEvents,
  type AuditSeed,
} from "../support/audit";
import { expect, test } from "../support/fixtures";

const CREATED = "service_account.created";
const UPDATED = "service_account.updated";

let seed: AuditSeed;

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    seed = await seedAuditEvents(request);
  } finally {
    await request.dispose();
  }
});

test.beforeEach(async ({ page, signIn }) => {
  await signIn(page, E2E_OWNER);
});

test("free-text search needs 2 characters and finds the seeded events by name", async ({ page }) => {
  const log = auditLog(page);
  await log.goto(`action=${CREATED}`);

  await log.search.fill("a");
  await expect(page.getByText("Type at least 2 characters.")).toBeVisible();
  await page.waitForTimeout(600); // past the debounce: one character is not a filter
  expect(log.param("q")).toBeNull();

  await log.search.fill(seed.marker);
  await expect.poll(() => log.param("q")).toBe(seed.marker);
  await log.expectCount(30);
  expect(await log.targetNames()).toEqual(seed.accounts.map((a) => a.name).reverse()); // newest first
  expect(new Set(await log.actions())).toEqual(new Set([CREATED]));
});

test("the Action filter takes several actions, each a repeated action= parameter", async ({ page }) => {
  const log = auditLog(page);
  await log.goto(`q=${seed.marker}&pageSize=100`);
  await log.expectCount(61); // 30 × (account created, token created) and one update

  await log.tickActions(["Service account created"]);
  await expect.poll(() => log.params("action")).toEqual([CREATED]);
  await expect(log.actionTrigger).toHaveText("Service account created");
  await log.expectCount(30);

  await log.tickActions(["Service account updated"]);
  await expect.poll(() => log.params("action")).toEqual([CREATED, UPDATED]);
  await expect(log.actionTrigger).toHaveText("2 actions");
  await log.expectCount(31);
  expect(new Set(await log.actions())).toEqual(new Set([CREATED, UPDATED]));
  expect(log.param("pageSize")).toBe("100"); // a filter keeps the page size
});

test("the Actor filter matches a name or an id", async ({ page }) => {
  const log = auditLog(page);
  await log.goto(`action=${CREATED}`);
  await log.actor.fill(seed.admin.accountName);
  await expect.poll(() => log.param("actor")).toBe(seed.admin.accountName);
  await log.expectCount(30);

  await log.goto(`actor=${seed.admin.accountId}&action=${UPDATED}`);
  await log.expectCount(1);
  await expect(log.actor).toHaveValue(seed.admin.accountId);
  expect(await log.targetNames()).toEqual([seed.patched.name]);
});

test("the Target filter matches a name or an id", async ({ page }) => {
  const log = auditLog(page);
  const seventh = seed.accounts[6]!;
  await log.goto();
  await log.target.fill(accountName(seed.marker, 7));
  await expect.poll(() => log.param("target")).toBe(seventh.name);
  await log.expectCount(2);
  expect(new Set(await log.actions())).toEqual(new Set([CREATED, "token.created"]));

  await log.goto(`target=${seed.patched.id}`);
  await log.expectCount(3);
  expect(await log.actions()).toEqual([UPDATED, "token.created", CREATED]);
});

test("the Result filter", async ({ page }) => {
  const log = auditLog(page);
  await log.goto(`actor=${seed.viewer.accountName}`);
  await log.expectCount(1);

  await log.result.selectOption({ label: "Denied" });
  await expect.poll(() => log.param("result")).toBe("DENIED");
  await log.expectCount(1);
  await expect(log.rows.first()).toContainText("api.request_refused");
  await expect(log.rows.first()).toContainText("Denied");

  await log.result.selectOption({ label: "Success" });
  await expect.poll(() => log.param("result")).toBe("SUCCESS");
  await log.expectCount(0);

  await log.goto(`q=${seed.marker}&result=SUCCESS&action=${CREATED}`);
  await log.expectCount(30);
});

test("the date range: From and To in local time, and exact instants in the URL", async ({ page }) => {
  const log = auditLog(page);
  const minute = 60_000;
  await log.goto(`q=${seed.marker}&action=${CREATED}`);

  await log.from.fill(localInputValue(new Date(seed.startedAt.getTime() - minute)));
  await expect.poll(() => log.param("from")).not.toBeNull();
  await log.expectCount(30);

  await log.to.fill(localInputValue(new Date(seed.startedAt.getTime() - minute)));
  await expect.poll(() => log.param("to")).not.toBeNull();
  await log.expectCount(0); // To is before From

  await log.to.fill(localInputValue(new Date(seed.endedAt.getTime() + 2 * minute)));
  await log.expectCount(30);

  // From is inclusive, To exclusive: the 10th to 19th accounts.
  const created = await auditRows(`action = $1 AND "targetName" LIKE $2`, [CREATED, `aud-${seed.marker}-%`]);
  expect(created).toHaveLength(30);
  const from = created[9]!.occurredAt.toISOString();
  const to = created[19]!.occurredAt.toISOString();
  await log.goto(`q=${seed.marker}&action=${CREATED}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  await log.expectCount(10);
  expect(await log.targetNames()).toEqual(seed.accounts.slice(9, 19).map((a) => a.name).reverse());
  await expect(log.from).toHaveValue(localInputValue(new Date(from)));
});

test("filters combine, and Clear filters removes them all", async ({ page }) => {
  const log = auditLog(page);
  await log.goto(`q=${seed.marker}&result=SUCCESS`);
  await log.actor.fill(seed.admin.accountName);
  await expect.poll(() => log.param("actor")).toBe(seed.admin.accountName);
  await log.target.fill(seed.patched.name);
  await expect.poll(() => log.param("target")).toBe(seed.patched.name);
  await log.tickActions(["Service account created", "Service account updated"]);
  await expect.poll(() => log.params("action")).toEqual([CREATED, UPDATED]);
  await log.expectCount(2);
  expect(await log.actions()).toEqual([UPDATED, CREATED]);
  expect(log.param("q")).toBe(seed.marker);
  expect(log.param("result")).toBe("SUCCESS");

  await log.clear.click();
  await expect.poll(() => new URL(page.url()).search).toBe("");
  await log.settled();
  for (const box of [log.actor, log.target, log.search]) await expect(box).toHaveValue("");
  await expect(log.result).toHaveValue("");
  await expect(log.actionTrigger).toHaveText("All actions");
  await expect(log.clear).toBeDisabled();
});

test("keyset paging: Older and Newer through 30 events, 25 a page", async ({ page }) => {
  const log = auditLog(page);
  const names = seed.accounts.map((a) => a.name).reverse(); // newest first
  await log.goto(`q=${seed.marker}&action=${CREATED}&pageSize=25`);
  await log.expectCount(25);
  await expect(log.pagination.getByText("25 events on this page (newest first)")).toBeVisible();
  expect(await log.targetNames()).toEqual(names.slice(0, 25));
  await expect(log.newer).toBeDisabled();
  await expect(log.latest).toBeDisabled();
  await expect(log.older).toBeEnabled();

  await log.older.click();
  await expect.poll(() => log.param("before")).not.toBeNull();
  await log.expectCount(5);
  expect(await log.targetNames()).toEqual(names.slice(25));
  await expect(log.older).toBeDisabled();
  await expect(log.newer).toBeEnabled();
  await expect(log.latest).toBeEnabled();
  expect([log.param("q"), log.param("pageSize"), log.params("action")]).toEqual([seed.marker, "25", [CREATED]]);

  await log.newer.click();
  await expect.poll(() => log.param("after")).not.toBeNull();
  await log.expectCount(25);
  expect(await log.targetNames()).toEqual(names.slice(0, 25));
  await expect(log.newer).toBeDisabled();
  await expect(log.older).toBeEnabled();

  await log.older.click();
  await expect.poll(() => log.param("before")).not.toBeNull();
  await log.expectCount(5);
  await log.latest.click();
  await expect.poll(() => log.param("before")).toBeNull();
  await log.expectCount(25);
  expect(await log.targetNames()).toEqual(names.slice(0, 25));
});

test("a row opens its detail panel: every field, the metadata and the before/after diff", async ({ page }) => {
  const log = auditLog(page);
  const [event] = await auditRows(`action = $1 AND "targetId" = $2`, [UPDATED, seed.patched.id]);
  expect(event).toBeDefined();
  await log.goto(`q=${seed.marker}&action=${UPDATED}`);
  await log.expectCount(1);

  await log.rows.first().getByRole("cell").nth(2).click();
  await expect.poll(() => log.param("event")).toBe(event!.id);
  const panel = page.getByRole("dialog", { name: "Service account updated" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(`Audit event ${event!.id}`);

  const field = (label: string) => panel.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]");
  await expect(field("Event id")).toHaveText(event!.id);
  await expect(field("Action")).toContainText(UPDATED);
  await expect(field("Result")).toHaveText("Success");
  await expect(field("Actor")).toContainText(seed.admin.accountName);
  await expect(field("Actor")).toContainText(seed.admin.accountId);
  await expect(field("Actor token")).toHaveText(seed.admin.tokenId);
  await expect(field("Target")).toContainText(seed.patched.name);
  await expect(field("Target")).toContainText(seed.patched.id);
  await expect(field("IP")).toHaveText(/\S/);
  await expect(field("Request id")).toHaveText(/\S/);
  await expect(field("Hash")).toHaveText(/^[0-9a-f]{64}$/);

  const changes = panel.getByRole("region", { name: "Changes" }).getByRole("table");
  const diffRow = (name: string) => changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(diffRow("role")).toHaveAttribute("data-changed", "true");
  await expect(diffRow("role").locator("del")).toHaveText("VIEWER");
  await expect(diffRow("role").locator("ins")).toHaveText("CONTRIBUTOR");
  await expect(diffRow("description")).toHaveAttribute("data-changed", "true");
  await expect(diffRow("description").locator("ins")).toHaveText(seed.patched.description);
  await expect(diffRow("owner")).not.toHaveAttribute("data-changed");

  const metadata = JSON.parse(await panel.getByRole("region", { name: "Metadata" }).locator("pre").innerText()) as Record<string, Record<string, string>>;
  expect(metadata.before).toMatchObject({ role: "VIEWER" });
  expect(metadata.after).toMatchObject({ role: "CONTRIBUTOR", description: seed.patched.description });

  await panel.getByRole("button", { name: "Close" }).click();
  await expect(panel).toHaveCount(0);
  await expect.poll(() => log.param("event")).toBeNull();
});

test("Export CSV and Export NDJSON download exactly the filtered events", async ({ page }) => {
  const log = auditLog(page);
  const expected = await auditRows(`action = ANY($1) AND "targetName" LIKE $2`, [[CREATED, UPDATED], `aud-${seed.marker}-%`]);
  expect(expected).toHaveLength(31);
  await log.goto(`q=${seed.marker}&action=${CREATED}&action=${UPDATED}`);
  await log.expectCount(31);

  const csv = await downloadExport(page, "CSV");
  expect(csv.filename).toMatch(/^keyhold-audit-.*\.csv$/);
  expect(csv.totalCount).toBe("31");
  const lines = csv.text.split("\n").filter((line) => line !== "");
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines).toHaveLength(1 + 31);
  const header = CSV_HEADER.split(",");
  const records = lines.slice(1).map((line) => Object.fromEntries(csvCells(line).map((cell, i) => [header[i], cell])));
  expect(records.map((r) => r.id)).toEqual(expected.map((e) => e.id)); // oldest first
  expect(records.map((r) => r.targetName)).toEqual(expected.map((e) => e.targetName));
  for (const record of records) expect(record.actorName).toBe(seed.admin.accountName);
  await expect(page.getByText(`Exported 31 events to ${csv.filename}.`)).toBeVisible();

  const ndjson = await downloadExport(page, "NDJSON");
  expect(ndjson.filename).toMatch(/^keyhold-audit-.*\.ndjson$/);
  expect(ndjson.totalCount).toBe("31");
  const events = ndjson.text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as { id: string; action: string; targetName: string; hash: string; metadata: unknown });
  expect(events).toHaveLength(31);
  expect(events.map((e) => e.id)).toEqual(expected.map((e) => e.id));
  expect(events.map((e) => e.action)).toEqual(expected.map((e) => e.action));
  expect(events.map((e) => e.hash)).toEqual(records.map((r) => r.hash)); // the two formats agree
  const updated = events.find((e) => e.action === UPDATED)!;
  expect(updated.metadata).toMatchObject({ after: { description: seed.patched.description } });

  // Each export is itself audited, with its filter and row count.
  const exported = await auditRows(`action = 'audit.exported' AND metadata->'filter'->>'q' = $1`, [seed.marker]);
  expect(exported).toHaveLength(2);
});

test("Verify integrity reports an intact chain", async ({ page }) => {
  const log = auditLog(page);
  await log.goto();
  await expectIntegrityVerified(page);
});
