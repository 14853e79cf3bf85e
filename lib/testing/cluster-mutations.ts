// Racing REST API mutations spread over several instances on one database: the two-instance e2e test and
// `npm run bench:cluster` send the same mix and check the same outcome.
import type pg from "pg";
import { tokenStatus } from "../tokens/token-status";

export type Reply = { method: string; status: number; requestId: string | null; body: Record<string, unknown> | null };
export type Target = { accountId: string; tokenId: string };

export async function callApi(base: string, token: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { method, status: response.status, requestId: response.headers.get("x-request-id"), body: text ? JSON.parse(text) : null };
}

/**
 * For every target at once: revoke its token on one instance while regenerating it ("old expires now") on
 * another; then `mixed` mutations at once (update, regenerate, revoke, delete, create, and reads) on `others`,
 * spread over the instances. `admin()` gives the token to act with for each request.
 */
export async function raceMutations(bases: string[], admin: () => string, raced: Target[], others: Target[], mixed = 200): Promise<Reply[]> {
  const replies: Reply[] = [];
  const send = async (base: string, method: string, path: string, body?: unknown) => {
    const reply = await callApi(base, admin(), method, path, body);
    replies.push(reply);
  };
  const on = (i: number) => bases[i % bases.length]!;
  await Promise.all(
    raced.flatMap((t, i) => [
      send(on(i), "POST", `/api/v1/tokens/${t.tokenId}/revoke`),
      send(on(i + 1), "POST", `/api/v1/service-accounts/${t.accountId}/tokens`, { previousTokenExpiresAt: null }),
    ]),
  );
  await Promise.all(
    Array.from({ length: mixed }, (_, i) => {
      const t = others[i % others.length]!;
      const base = on(i >> 1);
      const path = `/api/v1/service-accounts/${t.accountId}`;
      switch (i % 5) {
        case 0:
          return send(base, "PATCH", path, { description: `d${i}`, role: i % 2 ? "CONTRIBUTOR" : "VIEWER" });
        case 1:
          return send(base, "POST", `${path}/tokens`, { previousTokenExpiresAt: null });
        case 2:
          return send(base, "POST", `/api/v1/tokens/${t.tokenId}/revoke`);
        case 3:
          if (i % 4 === 3) return send(base, "DELETE", path);
          return send(base, "POST", "/api/v1/service-accounts", { name: `race-${i}-${t.accountId.slice(0, 8)}`, role: "VIEWER" });
        default:
          return send(base, "GET", path);
      }
    }),
  );
  return replies;
}

/** What went wrong in a raceMutations run: 5xx and other unexpected statuses, successes with no audit event, accounts whose shown status disagrees with their current token. */
export async function raceOutcome(db: pg.Pool | pg.Client, replies: Reply[], targets: Target[]) {
  // Refusals of a raced request (the account gone, the token already replaced) are 404 or 409.
  const unexpected = replies.filter((r) => ![200, 201, 204, 404, 409].includes(r.status)).map((r) => r.status);
  const mutations = replies.filter((r) => r.method !== "GET" && r.status < 300).map((r) => r.requestId!);
  const { rows } = await db.query<{ requestId: string }>(`SELECT DISTINCT "requestId" FROM "AuditEvent" WHERE "requestId" = ANY($1::text[])`, [mutations]);
  const audited = new Set(rows.map((r) => r.requestId));
  const accounts = await db.query<{ id: string; tokenExpiresAt: Date | null; tokenRevokedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }>(
    `SELECT a.id, a."tokenExpiresAt", a."tokenRevokedAt", t."expiresAt", t."revokedAt" FROM "ServiceAccount" a
     JOIN "ApiToken" t ON t."serviceAccountId" = a.id AND t."replacedById" IS NULL WHERE a.id = ANY($1::uuid[])`,
    [targets.map((t) => t.accountId)],
  );
  const now = Date.now();
  return {
    /** With their request ids, to find each in the servers' logs. */
    serverErrors: replies.filter((r) => r.status >= 500).map((r) => ({ status: r.status, requestId: r.requestId, error: r.body?.error })),
    unexpected,
    mutations: mutations.length,
    unaudited: mutations.filter((id) => !audited.has(id)),
    statusDisagrees: accounts.rows.filter((a) => tokenStatus({ expiresAt: a.tokenExpiresAt, revokedAt: a.tokenRevokedAt }, now) !== tokenStatus(a, now)).map((a) => a.id),
  };
}
