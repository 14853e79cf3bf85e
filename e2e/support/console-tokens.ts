// The API Tokens console as the tests drive it: bulk-seeded service accounts, what the database holds for
// them, and the page objects of the table, the create dialog and the one-time reveal panel.
import { createHash, randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { db, randomSuffix, type SeededUser } from "./db";
import { expectHydrated } from "./hydration";
import { apiClient, type SaRole } from "./tokens";

export const TOKEN_PATTERN = /^kh_[0-9A-Za-z]{49}$/;
export const DAY_MS = 86_400_000;
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A service account name no other test (or run) uses: letters, digits and '-' only, as the schema allows. */
export const uniqueAccountName = (prefix: string) => `${prefix}-${randomSuffix()}`;

// ---------------------------------------------------------------- seeding

/** The status the seeded account's (only) token gets: set through its expiry or revocation. */
export type SeedStatus = "active" | "expiring" | "expired" | "revoked";

export type AccountSeed = {
  name: string;
  role: SaRole;
  owner: Pick<SeededUser, "id">;
  description?: string;
  status?: SeedStatus;
  /** Overrides the expiry the status would pick. */
  expiresAt?: Date | null;
};

export type SeededAccount = { id: string; name: string; tokenId: string };

function expiryFor(status: SeedStatus, now: number): Date | null {
  if (status === "expiring") return new Date(now + 2 * DAY_MS);
  if (status === "expired") return new Date(now - DAY_MS);
  return null;
}

/**
 * Many service accounts, each with one token, in two INSERTs (no plaintext is kept: these tokens are never
 * used). Accounts are created one millisecond apart in the given order, so "newest first" is the reverse.
 */
export async function seedServiceAccounts(seeds: readonly AccountSeed[]): Promise<SeededAccount[]> {
  if (seeds.length === 0) return [];
  const now = Date.now();
  const rows = seeds.map((seed, i) => {
    const status = seed.status ?? "active";
    return {
      ...seed,
      createdAt: new Date(now - (seeds.length - i)),
      expiresAt: seed.expiresAt !== undefined ? seed.expiresAt : expiryFor(status, now),
      revokedAt: status === "revoked" ? new Date(now) : null,
    };
  });
  const accounts = await db().query<{ id: string; name: string }>(
    `INSERT INTO "ServiceAccount" (name, description, role, "ownerId", "createdAt", "updatedAt", "tokenExpiresAt", "tokenRevokedAt")
     SELECT * FROM unnest($1::text[], $2::text[], $3::"ServiceAccountRole"[], $4::uuid[], $5::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
     RETURNING id, name`,
    [
      rows.map((r) => r.name),
      rows.map((r) => r.description ?? ""),
      rows.map((r) => r.role),
      rows.map((r) => r.owner.id),
      rows.map((r) => r.createdAt),
      rows.map((r) => r.expiresAt),
      rows.map((r) => r.revokedAt),
    ],
  );
  const idByName = new Map(accounts.rows.map((a) => [a.name, a.id]));
  const ids = rows.map((r) => idByName.get(r.name)!);
  const tokens = await db().query<{ id: string; serviceAccountId: string }>(
    `INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint, "createdAt", "expiresAt", "revokedAt")
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
     RETURNING id, "serviceAccountId"`,
    [
      rows.map(() => `tok_${randomBytes(8).toString("hex")}`),
      ids,
      rows.map(() => randomBytes(32).toString("hex")),
      rows.map(() => `kh_…${randomBytes(2).toString("hex")}`),
      rows.map((r) => r.createdAt),
      rows.map((r) => r.expiresAt),
      rows.map((r) => r.revokedAt),
    ],
  );
  const tokenByAccount = new Map(tokens.rows.map((t) => [t.serviceAccountId, t.id]));
  return rows.map((r, i) => ({ id: ids[i]!, name: r.name, tokenId: tokenByAccount.get(ids[i]!)! }));
}

// ---------------------------------------------------------------- reading back

export type ServiceAccountRecord = {
  id: string;
  name: string;
  description: string;
  role: SaRole;
  ownerId: string;
  tokenExpiresAt: Date | null;
  tokenRevokedAt: Date | null;
};

export type ApiTokenRecord = {
  id: string;
  publicId: string;
  secretHash: string;
  hint: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  replacedById: string | null;
  lastUsedAt: Date | null;
};

export async function findServiceAccountByName(name: string): Promise<ServiceAccountRecord | null> {
  const { rows } = await db().query<ServiceAccountRecord>(
    `SELECT id, name, description, role, "ownerId", "tokenExpiresAt", "tokenRevokedAt" FROM "ServiceAccount" WHERE name = $1`,
    [name],
  );
  return rows[0] ?? null;
}

export async function getServiceAccountByName(name: string): Promise<ServiceAccountRecord> {
  const account = await findServiceAccountByName(name);
  if (!account) throw new Error(`No service account named ${name}`);
  return account;
}

/** Every token of an account, oldest first. */
export async function tokensOfAccount(accountId: string): Promise<ApiTokenRecord[]> {
  const { rows } = await db().query<ApiTokenRecord>(
    `SELECT id, "publicId", "secretHash", hint, "createdAt", "expiresAt", "revokedAt", "replacedById", "lastUsedAt"
       FROM "ApiToken" WHERE "serviceAccountId" = $1 ORDER BY "createdAt", id`,
    [accountId],
  );
  return rows;
}

export async function tokenBySecret(value: string): Promise<ApiTokenRecord | null> {
  const { rows } = await db().query<ApiTokenRecord>(
    `SELECT id, "publicId", "secretHash", hint, "createdAt", "expiresAt", "revokedAt", "replacedById", "lastUsedAt"
       FROM "ApiToken" WHERE "secretHash" = $1`,
    [sha256(value)],
  );
  return rows[0] ?? null;
}

/** Every row of every table (and view) of the public schema, as Postgres prints it: `SELECT t::text`. */
export async function dumpPublicTables(): Promise<Map<string, string[]>> {
  const { rows: tables } = await db().query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  const dump = new Map<string, string[]>();
  for (const { table_name } of tables) {
    const quoted = `"${table_name.replaceAll('"', '""')}"`;
    const { rows } = await db().query<{ row: string }>(`SELECT t::text AS row FROM ${quoted} t`);
    dump.set(table_name, rows.map((r) => r.row));
  }
  return dump;
}

// ---------------------------------------------------------------- the API

/** GET /api/v1/whoami with the token: the service account it acts as, or null when refused. */
export async function whoamiAccount(request: APIRequestContext, token: string): Promise<{ id: string; name: string; role: SaRole; ownerId: string } | null> {
  const response = await apiClient(request, token).get("/api/v1/whoami");
  if (response.status() !== 200) return null;
  return ((await response.json()) as { serviceAccount: { id: string; name: string; role: SaRole; ownerId: string } }).serviceAccount;
}

/** GET /api/v1/whoami with the token: its status, and the account name when it answered 200. */
export async function whoami(request: APIRequestContext, token: string): Promise<{ status: number; name?: string }> {
  const response = await apiClient(request, token).get("/api/v1/whoami");
  if (response.status() !== 200) return { status: response.status() };
  const body = (await response.json()) as { serviceAccount: { name: string } };
  return { status: 200, name: body.serviceAccount.name };
}

// ---------------------------------------------------------------- the console

/** The tokens table on /admin/api-tokens or /tokens. */
export function tokensTable(page: Page) {
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  const rows = page.locator("main table").first().locator("tbody tr");
  const row = (name: string) => rows.filter({ has: page.getByRole("link", { name, exact: true }) });
  return {
    pagination,
    rows,
    row,
    nameLinks: rows.locator("td:first-child a"),
    /** The URL's query, where the table keeps its state. */
    param: (key: string) => new URL(page.url()).searchParams.get(key),
    /** The cell of `name`'s row under the column headed `header`. */
    cell: async (name: string, header: string): Promise<Locator> => {
      const headers = await page.locator("main table").first().locator("thead th").allTextContents();
      const index = headers.findIndex((h) => h.trim() === header);
      if (index < 0) throw new Error(`No column ${header} in [${headers.join(", ")}]`);
      return row(name).locator("td").nth(index);
    },
    expectSummary: async (total: number, pageOf: string) => {
      await expect(pagination.getByText(`${total} ${total === 1 ? "service account" : "service accounts"}`, { exact: true })).toBeVisible();
      await expect(pagination.getByText(`Page ${pageOf}`, { exact: true })).toBeVisible();
    },
  };
}

/** The API Tokens list narrowed to one account by search, so rows of parallel tests cannot push it away. */
export async function gotoAccountRow(page: Page, name: string, path = "/admin/api-tokens"): Promise<Locator> {
  await page.goto(`${path}?q=${encodeURIComponent(name)}`);
  const row = tokensTable(page).row(name);
  await expect(row).toHaveCount(1);
  return row;
}

export type RowAction = "Edit service account" | "Regenerate token" | "Delete service account";

/** Opens an item of an account's ⋯ menu (in the table or, labelled, on the detail page). */
export async function chooseRowAction(page: Page, name: string, item: RowAction): Promise<void> {
  const menu = page.getByRole("button", { name: `Actions for ${name}`, exact: true });
  await expectHydrated(menu);
  await menu.click();
  await page.getByRole("menuitem", { name: item }).click();
}

export const createDialog = (page: Page) => page.getByRole("dialog", { name: "Create new API token" });
export const revealDialog = (page: Page) => page.getByRole("dialog", { name: "Copy your API token" });

export async function openCreateDialog(page: Page, path = "/admin/api-tokens"): Promise<Locator> {
  if (new URL(page.url(), "http://x").pathname !== path) await page.goto(path);
  await page.getByRole("button", { name: "Create Token" }).click();
  const dialog = createDialog(page);
  await expect(dialog).toBeVisible();
  return dialog;
}

export type ExpirationLabel = "Never" | "30 days" | "90 days" | "365 days" | "Custom date";

export type CreateTokenForm = {
  name: string;
  description?: string;
  roleLabel?: string;
  expiration?: ExpirationLabel;
  /** With "Custom date": the `<input type="date">` value, "2030-01-31". */
  customDate?: string;
};

/** Fills the open create dialog and presses Generate Token (no check of the outcome). */
export async function submitCreateForm(dialog: Locator, form: CreateTokenForm): Promise<void> {
  await dialog.getByLabel("Token name").fill(form.name);
  if (form.description !== undefined) await dialog.getByLabel("Description").fill(form.description);
  if (form.roleLabel) await dialog.getByLabel("Role").selectOption({ label: form.roleLabel });
  if (form.expiration) await dialog.getByLabel("Expiration", { exact: true }).selectOption({ label: form.expiration });
  if (form.customDate) await dialog.getByLabel("Expiration date").fill(form.customDate);
  await dialog.getByRole("button", { name: "Generate Token" }).click();
}

/** The value in the reveal panel, once it shows (after Generate Token or Regenerate). */
export async function revealedToken(page: Page): Promise<string> {
  const field = revealDialog(page).getByLabel("Access token");
  await expect(field).toHaveValue(TOKEN_PATTERN);
  await expect(field).toHaveAttribute("readonly", "");
  return field.inputValue();
}

/** Done on the reveal panel: the dialog closes and the value is gone from the page. */
export async function finishReveal(page: Page, token: string): Promise<void> {
  await revealDialog(page).getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
}

/** Creates an account through the dialog and returns the token shown once (the panel is left open). */
export async function createTokenThroughUi(page: Page, form: CreateTokenForm, path = "/admin/api-tokens"): Promise<string> {
  const dialog = await openCreateDialog(page, path);
  await submitCreateForm(dialog, form);
  return revealedToken(page);
}

/** "Keep the previous token active until": a local time `minutesAhead` from now, as the input wants it and as an instant. */
export async function localDateTimeAhead(page: Page, minutesAhead: number): Promise<{ input: string; at: Date }> {
  const { input, iso } = await page.evaluate((minutes) => {
    const d = new Date(Date.now() + minutes * 60_000);
    d.setSeconds(0, 0);
    const pad = (n: number) => String(n).padStart(2, "0");
    return {
      input: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`,
      iso: d.toISOString(),
    };
  }, minutesAhead);
  return { input, at: new Date(iso) };
}

/** Regenerates `name`'s token from its ⋯ menu; `keepUntil` (datetime-local) keeps the previous one alive until then. */
export async function regenerateThroughUi(page: Page, name: string, keepUntil?: string): Promise<string> {
  await chooseRowAction(page, name, "Regenerate token");
  const dialog = page.getByRole("dialog", { name: "Regenerate token" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "Expire the previous token immediately" })).toBeChecked();
  if (keepUntil) {
    await dialog.getByRole("radio", { name: "Keep the previous token active until" }).check();
    await dialog.getByLabel("Previous token expires at").fill(keepUntil);
  }
  await dialog.getByRole("button", { name: "Regenerate" }).click();
  return revealedToken(page);
}
