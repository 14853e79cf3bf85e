// Service accounts and API tokens seeded straight into the e2e database, and a client for the REST API.
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { issueToken } from "../../lib/tokens/token-format";
import { createUser, db, randomSuffix, type SeededUser } from "./db";

export type SaRole = "ADMIN" | "CONTRIBUTOR" | "VIEWER" | "AUDITOR" | "INTROSPECTOR";
export type SeededToken = { accountId: string; accountName: string; tokenId: string; value: string; owner: SeededUser; role: SaRole };

/** A service account of `role` with one token (optionally expiring at `expiresAt`), owned by a new CONTRIBUTOR. */
export async function createServiceAccountWithToken(role: SaRole, options: { owner?: SeededUser; expiresAt?: Date | null } = {}): Promise<SeededToken> {
  const owner = options.owner ?? (await createUser({ role: "CONTRIBUTOR" }));
  const issued = issueToken();
  const name = `e2e-${role.toLowerCase()}-${randomSuffix()}`;
  const expiresAt = options.expiresAt ?? null;
  const { rows } = await db().query<{ id: string }>(
    `INSERT INTO "ServiceAccount" (name, role, "ownerId", "updatedAt", "tokenExpiresAt") VALUES ($1, $2, $3, now(), $4) RETURNING id`,
    [name, role, owner.id, expiresAt],
  );
  const accountId = rows[0]!.id;
  const token = await db().query<{ id: string }>(
    `INSERT INTO "ApiToken" ("publicId", "serviceAccountId", "secretHash", hint, "expiresAt") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [issued.publicId, accountId, issued.secretHash, issued.hint, expiresAt],
  );
  return { accountId, accountName: name, tokenId: token.rows[0]!.id, value: issued.value, owner, role };
}

/** Requests to /api/v1 with a bearer token. */
export function apiClient(request: APIRequestContext, token: string | null) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  return {
    get: (path: string) => request.get(path, { headers }),
    delete: (path: string) => request.delete(path, { headers }),
    post: (path: string, body?: unknown) => request.post(path, { headers: { ...headers, "Content-Type": "application/json" }, data: body === undefined ? undefined : JSON.stringify(body) }),
    patch: (path: string, body: unknown) => request.patch(path, { headers: { ...headers, "Content-Type": "application/json" }, data: JSON.stringify(body) }),
    raw: (method: string, path: string, body: string, contentType = "application/json") =>
      // A Buffer, so Playwright sends the bytes as they are (a string would be JSON-encoded again).
      request.fetch(path, { method, headers: { ...headers, "Content-Type": contentType }, data: Buffer.from(body) }),
  };
}

export async function errorOf(response: APIResponse): Promise<{ code: string; message: string; details?: unknown }> {
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
  return body.error;
}
