// Two instances on one database (the normal deployment): the Playwright server (A) and a second one started
// here (B). A change made through one instance must hold on the other at once, and racing changes spread over
// both must neither fail nor lose an audit event.
import { expect, test } from "@playwright/test";
import config, { E2E_OWNER } from "../../playwright.config";
import { startAppInstances, type AppInstances } from "../../lib/testing/app-instances";
import { callApi, raceMutations, raceOutcome } from "../../lib/testing/cluster-mutations";
import { AUDIT_PATH, expectIntegrityVerified } from "../support/audit";
import { db } from "../support/db";
import { signIn } from "../support/fixtures";
import { createServiceAccountWithToken } from "../support/tokens";

const A = String(config.use?.baseURL);
const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? Number(new URL(A).port) + 50);
let second: AppInstances;
let B: string;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  const webServer = config.webServer as { env: Record<string, string> };
  second = await startAppInstances(1, webServer.env, [SECOND_PORT]);
  B = second.urls[0]!;
});
test.afterAll(async () => second?.stop());

const whoami = async (base: string, token: string) => callApi(base, token, "GET", "/api/v1/whoami");

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
      revoke: () => callApi(here, admin(), "POST", `/api/v1/tokens/${target.tokenId}/revoke`),
      regenerate: () => callApi(here, admin(), "POST", `${path}/tokens`, { previousTokenExpiresAt: null }),
      delete: () => callApi(here, admin(), "DELETE", path),
      role: () => callApi(here, admin(), "PATCH", path, { role: "CONTRIBUTOR" }),
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
  const raced = await Promise.all(Array.from({ length: 40 }, () => createServiceAccountWithToken("VIEWER")));
  const others = await Promise.all(Array.from({ length: 40 }, () => createServiceAccountWithToken("VIEWER")));
  const replies = await raceMutations([A, B], admin, raced, others);
  const outcome = await raceOutcome(db(), replies, [...raced, ...others]);
  expect(outcome).toMatchObject({ serverErrors: [], unexpected: [], unaudited: [], statusDisagrees: [] });
  expect(outcome.mutations).toBeGreaterThan(100);

  await signIn(page, E2E_OWNER);
  await page.goto(AUDIT_PATH);
  await expectIntegrityVerified(page);
});
