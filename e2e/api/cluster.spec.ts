// Two instances on one database (the normal deployment): the Playwright server (A) and a second one started
// here (B). A change made through one instance must hold on the other at once, and racing changes spread over
// both must neither fail nor lose an audit event.
import { expect, test } from "@playwright/test";
import config, { E2E_OWNER } from "../../playwright.config";
import { startInstances, type Instances } from "../../lib/testing/app-instances";
import { tokenStatus } from "../../lib/tokens/token-status";
import { AUDIT_PATH, expectIntegrityVerified } from "../support/audit";
import { db } from "../support/db";
import { signIn } from "../support/fixtures";
import { createServiceAccountWithToken, type SeededToken } from "../support/tokens";

const A = String(config.use?.baseURL);
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? Number(new URL(A).port) + 50);
let second: Instances;
let B: string;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  const webServer = config.webServer as { env: Record<string, string> };
  second = await startInstances(1, webServer.env, SECOND_PORT);
  B = second.urls[0]!;
});
test.afterAll(async () => second?.stop());

type Reply = { method: string; status: number; requestId: string | null; body: Record<string, unknown> | null };
async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { method, status: response.status, requestId: response.headers.get("x-request-id"), body: text ? JSON.parse(text) : null };
}
const whoami = async (base: string, token: string) => call(base, token, "GET", "/api/v1/whoami");

/** Admin service accounts to act with, used in turn: each stays well under the e2e per-token limit (60/min). */
async function admins(count: number) {
  const pool = await Promise.all(Array.from({ length: count }, () => createServiceAccountWithToken("ADMIN")));
  let next = 0;
  return () => pool[next++ % pool.length]!.value;
}

test("a change made on one instance holds on the other's very next request", async () => {
  const admin = await admins(3);
  const changes = ["revoke", "regenerate", "delete", "role"] as const;
  for (let trial = 0; trial < 24; trial++) {
    const [here, there] = trial % 2 ? [A, B] : [B, A];
    const change = changes[trial % changes.length]!;
    const target = await createServiceAccountWithToken("VIEWER");
    expect((await whoami(there, target.value)).status).toBe(200);
    expect((await whoami(there, target.value)).status).toBe(200); // cached by now
    const path = `/api/v1/service-accounts/${target.accountId}`;
    const done = await {
      revoke: () => call(here, admin(), "POST", `/api/v1/tokens/${target.tokenId}/revoke`),
      regenerate: () => call(here, admin(), "POST", `${path}/tokens`, { previousTokenExpiresAt: null }),
      delete: () => call(here, admin(), "DELETE", path),
      role: () => call(here, admin(), "PATCH", path, { role: "CONTRIBUTOR" }),
    }[change]();
    expect(done.status, `${change} on ${here}`).toBeLessThan(300);
    const after = await whoami(there, target.value);
    if (change === "role") expect(after.body, `role seen on ${there}`).toMatchObject({ serviceAccount: { role: "CONTRIBUTOR" } });
    else expect(after.status, `${change} on ${here}, then whoami on ${there}`).toBe(401);
  }
});

test("racing mutations across both instances: no 5xx, no lost audit event, status agrees with tokens", async ({ page }) => {
  test.setTimeout(90_000);
  const admin = await admins(10);
  const replies: Reply[] = [];
  const send = async (base: string, method: string, path: string, body?: unknown) => {
    const reply = await call(base, admin(), method, path, body);
    replies.push(reply);
    return reply;
  };
  // 40 revoke-vs-regenerate races, each pair split over the two instances.
  const raced = await Promise.all(Array.from({ length: 40 }, () => createServiceAccountWithToken("VIEWER")));
  await Promise.all(raced.flatMap((t, i) => [
    send(i % 2 ? A : B, "POST", `/api/v1/tokens/${t.tokenId}/revoke`),
    send(i % 2 ? B : A, "POST", `/api/v1/service-accounts/${t.accountId}/tokens`, { previousTokenExpiresAt: null }),
  ]));
  // 200 mixed mutations on 40 accounts, all at once, each on either instance.
  const mixed: SeededToken[] = await Promise.all(Array.from({ length: 40 }, () => createServiceAccountWithToken("VIEWER")));
  await Promise.all(Array.from({ length: 200 }, (_, i) => {
    const t = mixed[i % mixed.length]!;
    const base = (i >> 1) % 2 ? A : B;
    const path = `/api/v1/service-accounts/${t.accountId}`;
    switch (i % 5) {
      case 0: return send(base, "PATCH", path, { description: `d${i}`, role: i % 2 ? "CONTRIBUTOR" : "VIEWER" });
      case 1: return send(base, "POST", `${path}/tokens`, { previousTokenExpiresAt: null });
      case 2: return send(base, "POST", `/api/v1/tokens/${t.tokenId}/revoke`);
      case 3: return i % 4 === 3 ? send(base, "DELETE", path) : send(base, "POST", "/api/v1/service-accounts", { name: `cl-${i}-${t.accountId.slice(0, 8)}`, role: "VIEWER" });
      default: return send(base, "GET", path);
    }
  }));

  expect(replies.filter((r) => r.status >= 500)).toEqual([]);
  // Refusals (a raced account gone, a token already replaced) are 404 or 409; each success has its audit event.
  expect(replies.filter((r) => ![200, 201, 204, 404, 409].includes(r.status)).map((r) => r.status)).toEqual([]);
  const mutations = replies.filter((r) => r.method !== "GET" && r.status < 300).map((r) => r.requestId!);
  expect(mutations.length).toBeGreaterThan(100);
  const { rows } = await db().query<{ requestId: string }>(`SELECT DISTINCT "requestId" FROM "AuditEvent" WHERE "requestId" = ANY($1::text[])`, [mutations]);
  const audited = new Set(rows.map((r) => r.requestId));
  expect(mutations.filter((id) => !audited.has(id))).toEqual([]);

  const accounts = await db().query<{ id: string; tokenExpiresAt: Date | null; tokenRevokedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }>(
    `SELECT a.id, a."tokenExpiresAt", a."tokenRevokedAt", t."expiresAt", t."revokedAt" FROM "ServiceAccount" a
     JOIN "ApiToken" t ON t."serviceAccountId" = a.id AND t."replacedById" IS NULL WHERE a.id = ANY($1::uuid[])`,
    [[...raced, ...mixed].map((t) => t.accountId)],
  );
  const now = Date.now();
  for (const a of accounts.rows) expect(tokenStatus({ expiresAt: a.tokenExpiresAt, revokedAt: a.tokenRevokedAt }, now), a.id).toBe(tokenStatus(a, now));

  await signIn(page, E2E_OWNER);
  await page.goto(AUDIT_PATH);
  await expectIntegrityVerified(page);
});
