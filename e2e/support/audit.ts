// The Audit Log as the tests drive it: events written through the app (never by hand: the hash chain),
// the page object of the log, downloads of its exports, and a lock that keeps Verify away from a tamper test.
import { readFile } from "node:fs/promises";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { db, randomSuffix } from "./db";
import { expectHydrated } from "./hydration";
import { apiClient, createServiceAccountWithToken, type SeededToken } from "./tokens";

export const AUDIT_PATH = "/admin/audit-log";
export const CSV_HEADER =
  "id,occurredAt,actorType,actorId,actorName,actorTokenId,action,targetType,targetId,targetName,ip,userAgent,requestId,result,metadata,hash";

// ---------------------------------------------------------------- seeding (through the REST API)

export type AuditSeed = {
  marker: string;
  admin: SeededToken;
  /** A VIEWER service account whose refused request is the seed's one DENIED event. */
  viewer: SeededToken;
  /** aud-<marker>-01 … -NN, oldest first. */
  accounts: { id: string; name: string }[];
  /** The account PATCHed once (service_account.updated with before/after). */
  patched: { id: string; name: string; description: string };
  startedAt: Date;
  endedAt: Date;
};

export const accountName = (marker: string, n: number) => `aud-${marker}-${String(n).padStart(2, "0")}`;

/**
 * `count` service accounts created one by one by a new ADMIN service account (a service_account.created and
 * a token.created event each), the first of them PATCHed (VIEWER → CONTRIBUTOR, a description), and one
 * request refused to a VIEWER service account (api.request_refused, DENIED).
 */
export async function seedAuditEvents(request: APIRequestContext, count = 30): Promise<AuditSeed> {
  const marker = randomSuffix();
  const admin = await createServiceAccountWithToken("ADMIN");
  const viewer = await createServiceAccountWithToken("VIEWER");
  const api = apiClient(request, admin.value);
  const startedAt = new Date();
  const accounts: { id: string; name: string }[] = [];
  for (let n = 1; n <= count; n += 1) {
    const name = accountName(marker, n);
    const response = await api.post("/api/v1/service-accounts", { name, role: "VIEWER" });
    expect(response.status(), `create ${name}`).toBe(201);
    const body = (await response.json()) as { serviceAccount: { id: string; name: string } };
    accounts.push({ id: body.serviceAccount.id, name });
  }
  const description = `patched-${marker}`;
  const patch = await api.patch(`/api/v1/service-accounts/${accounts[0]!.id}`, { description, role: "CONTRIBUTOR" });
  expect(patch.status(), "PATCH the first account").toBe(200);
  const refused = await apiClient(request, viewer.value).post("/api/v1/service-accounts", { name: `aud-${marker}-refused`, role: "VIEWER" });
  expect(refused.status(), "a VIEWER may not create accounts").toBe(403);
  // Refusals are audited as aggregates when their window ends (a second in e2e).
  await expect.poll(async () => (await auditRows(`action = 'api.request_refused' AND "actorId" = $1`, [viewer.accountId])).length).toBe(1);
  const endedAt = new Date();
  return { marker, admin, viewer, accounts, patched: { ...accounts[0]!, description }, startedAt, endedAt };
}

/** Read-only: what the app wrote, to compare the page with. */
export async function auditRows(sql: string, params: unknown[]): Promise<{ id: string; action: string; targetName: string | null; occurredAt: Date; result: string }[]> {
  const { rows } = await db().query(`SELECT id::text, action, "targetName", "occurredAt", result::text FROM "AuditEvent" WHERE ${sql} ORDER BY "AuditEvent".id`, params);
  return rows;
}

// ---------------------------------------------------------------- the page

export function auditLog(page: Page) {
  const table = page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "Actor" }) });
  const rows = table.locator("tbody tr");
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  const log = {
    table,
    rows,
    pagination,
    newer: pagination.getByRole("button", { name: "Newer" }),
    older: pagination.getByRole("button", { name: "Older" }),
    latest: pagination.getByRole("button", { name: "Latest" }),
    actor: page.getByLabel("Actor", { exact: true }),
    target: page.getByLabel("Target", { exact: true }),
    search: page.getByLabel("Search", { exact: true }),
    result: page.getByLabel("Result", { exact: true }),
    from: page.getByLabel("From", { exact: true }),
    to: page.getByLabel("To", { exact: true }),
    actionTrigger: page.locator("#audit-action"),
    clear: page.getByRole("button", { name: "Clear filters" }),
    verifyStatus: page.getByRole("status", { name: "Integrity check" }),

    async goto(query = ""): Promise<void> {
      const response = await page.goto(query ? `${AUDIT_PATH}?${query}` : AUDIT_PATH);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "Audit Log" })).toBeVisible();
      await log.settled();
      await expectHydrated(log.from);
    },
    /** Waits until no new page is on its way. */
    async settled(): Promise<void> {
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    },
    param(name: string): string | null {
      return new URL(page.url()).searchParams.get(name);
    },
    params(name: string): string[] {
      return new URL(page.url()).searchParams.getAll(name);
    },
    /** Waits for the table to show exactly `count` events (and says so under it). */
    async expectCount(count: number): Promise<void> {
      await log.settled();
      if (count === 0) {
        await expect(rows).toHaveCount(1);
        await expect(rows.first()).toHaveText(/No events (match these filters|on this page)/);
      } else {
        await expect(rows).toHaveCount(count);
      }
      await expect(pagination.getByText(new RegExp(`^${count} events? on this page`))).toBeVisible();
    },
    /** The Target cell's name of every row, top to bottom. */
    async targetNames(): Promise<string[]> {
      return rows.locator("td:nth-child(4) > div > div:first-child").allInnerTexts();
    },
    async actions(): Promise<string[]> {
      return rows.locator("td:nth-child(3) code").allInnerTexts();
    },
    async tickActions(labels: string[]): Promise<void> {
      await log.actionTrigger.click();
      const popover = page.getByRole("dialog");
      for (const label of labels) await popover.getByRole("checkbox", { name: new RegExp(`^${label}\\b`) }).check();
      await page.keyboard.press("Escape");
      await expect(popover).toHaveCount(0);
    },
  };
  return log;
}

export type AuditLogPage = ReturnType<typeof auditLog>;

/** Local "YYYY-MM-DDTHH:MM" of the browser (the test runner shares its time zone). */
export function localInputValue(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

// ---------------------------------------------------------------- exports

export type ExportedFile = { filename: string; text: string; totalCount: string | null };

/** Clicks Export CSV / Export NDJSON and reads the file the browser saved, with the route's X-Total-Count. */
export async function downloadExport(page: Page, format: "CSV" | "NDJSON"): Promise<ExportedFile> {
  const responsePromise = page.waitForResponse((r) => r.url().includes(`${AUDIT_PATH}/export?`));
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: `Export ${format}` }).click();
  const [response, download] = await Promise.all([responsePromise, downloadPromise]);
  expect(response.status()).toBe(200);
  const path = await download.path();
  expect(path, "the download was saved").toBeTruthy();
  return { filename: download.suggestedFilename(), text: await readFile(path, "utf8"), totalCount: response.headers()["x-total-count"] ?? null };
}

/** A CSV line's cells (RFC 4180 quoting; the export puts no newline inside a cell). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

// ---------------------------------------------------------------- Verify integrity vs. the tamper test

// Two-int advisory lock keys: a key space apart from the app's one-bigint chain lock.
const LOCK = [0x6b68, 0xa0d1] as const;

/**
 * Runs `fn` holding a session advisory lock on the e2e database: shared for a test that expects the chain
 * intact, exclusive for the test that breaks it for a moment. Workers run in parallel on one database.
 */
export async function withChainLock<T>(mode: "shared" | "exclusive", fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(mode === "shared" ? "SELECT pg_advisory_lock_shared($1, $2)" : "SELECT pg_advisory_lock($1, $2)", [...LOCK]);
    return await fn();
  } finally {
    await client.end(); // ends the session, and with it the lock
  }
}

/** Clicks Verify integrity and returns the message it shows. */
export async function verifyIntegrity(page: Page): Promise<Locator> {
  const status = page.getByRole("status", { name: "Integrity check" });
  await page.getByRole("button", { name: "Verify integrity" }).click();
  await expect(status).toHaveText(/Integrity (verified|check failed)|could not/, { timeout: 20_000 });
  return status;
}

/** Verify integrity, expecting the chain intact (under the shared lock, so no tamper test is mid-edit). */
export async function expectIntegrityVerified(page: Page): Promise<void> {
  await withChainLock("shared", async () => {
    const status = await verifyIntegrity(page);
    await expect(status).toHaveText(/^Integrity verified: \d+ events?, chain intact\.$/);
  });
}

/** Sets one column of one event behind the app's back, switching the append-only trigger off for the edit. */
export async function setEventColumnBehindTheAppsBack(id: string, column: "targetName", value: string | null): Promise<void> {
  const client = await db().connect();
  try {
    await client.query("BEGIN");
    await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await client.query(`UPDATE "AuditEvent" SET "${column}" = $2 WHERE id = $1::bigint`, [id, value]);
    await client.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
