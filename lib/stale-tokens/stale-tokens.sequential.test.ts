// Turns the stale-token policy on, which the scan applies to every token: runs alone (vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { registerJobHandlers } from "@/lib/jobs/handlers";
import { runJob } from "@/lib/jobs/registry";
import { loadTokenPolicy, setTokenPolicy } from "@/lib/policy/token-policy";
import { DEFAULT_TOKEN_POLICY, tokenPolicySchema } from "@/lib/policy/token-policy-schema";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { callApi, errorCode } from "@/lib/testing/api-call";
import { actorOf, contextFor, createTestServiceAccount, createTestUser, eventsFor, testMeta } from "@/lib/testing/factories";
import { scanStaleTokens } from "./scan-stale-tokens";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

async function tokenWith(ownerId: string, dates: { createdAt: Date; lastUsedAt?: Date; resumedAt?: Date; revokedAt?: Date }) {
  const created = await createTestServiceAccount(ownerId, { role: "CONTRIBUTOR" });
  await db.apiToken.update({ where: { id: created.token.id }, data: dates });
  return created;
}
const noticesOf = (tokenId: string, kind: string) => db.notification.findMany({ where: { tokenId, kind } });
const stored = (id: string) => db.apiToken.findUniqueOrThrow({ where: { id } });

describe("the stale-token policy", () => {
  it("is off by default and a bounded whole number of days, also in a policy saved before it existed", () => {
    const saved: Record<string, unknown> = { ...DEFAULT_TOKEN_POLICY };
    delete saved.suspendUnusedDays;
    expect(tokenPolicySchema.parse(saved).suspendUnusedDays).toBeNull();
    for (const bad of [0, 1.5, 3651, "30"]) expect(tokenPolicySchema.safeParse({ ...DEFAULT_TOKEN_POLICY, suspendUnusedDays: bad }).success, String(bad)).toBe(false);
    expect(tokenPolicySchema.parse({ ...DEFAULT_TOKEN_POLICY, suspendUnusedDays: 90 }).suspendUnusedDays).toBe(90);
  });

  beforeAll(async () => {
    const owner = await contextFor("OWNER");
    await setTokenPolicy({ ...(await loadTokenPolicy()), suspendUnusedDays: 30 }, owner);
  });
  afterAll(async () => {
    const owner = await contextFor("OWNER");
    await setTokenPolicy({ ...(await loadTokenPolicy()), suspendUnusedDays: DEFAULT_TOKEN_POLICY.suspendUnusedDays }, owner);
  });

  it("suspends exactly the tokens with no activity for the days, warns those due within 7 days once, and suspended tokens answer 401", async () => {
    const owner = await createTestUser({ role: "ADMIN" });
    const neverUsed = await tokenWith(owner.id, { createdAt: daysAgo(40) });
    const usedLongAgo = await tokenWith(owner.id, { createdAt: daysAgo(100), lastUsedAt: daysAgo(31) });
    const usedLately = await tokenWith(owner.id, { createdAt: daysAgo(100), lastUsedAt: daysAgo(1) });
    const resumedLately = await tokenWith(owner.id, { createdAt: daysAgo(100), lastUsedAt: daysAgo(60), resumedAt: daysAgo(2) });
    const dueSoon = await tokenWith(owner.id, { createdAt: daysAgo(100), lastUsedAt: daysAgo(25) });
    const revoked = await tokenWith(owner.id, { createdAt: daysAgo(100), revokedAt: daysAgo(50) });

    // Through the job handler the workers run.
    registerJobHandlers();
    await runJob({ id: "scan", name: "scan-stale", data: {} } as Parameters<typeof runJob>[0]);

    for (const { token } of [neverUsed, usedLongAgo]) {
      expect((await stored(token.id)).suspendedAt).not.toBeNull();
      expect(await noticesOf(token.id, "token.suspended")).toHaveLength(1);
    }
    for (const { token } of [usedLately, resumedLately, dueSoon, revoked]) expect((await stored(token.id)).suspendedAt).toBeNull();
    const suspendedEvent = (await eventsFor(neverUsed.account.id)).find((event) => event.action === "token.suspended");
    expect(suspendedEvent).toMatchObject({ actorType: "SYSTEM", metadata: { tokenId: neverUsed.token.id, days: 30 } });

    const [warning] = await noticesOf(dueSoon.token.id, "token.suspension_warning");
    expect(warning).toMatchObject({ userId: owner.id, data: { days: 30 } });
    expect((await eventsFor(dueSoon.account.id)).filter((event) => event.action === "token.suspension_notice")).toHaveLength(1);
    for (const { token } of [usedLately, resumedLately, neverUsed]) expect(await noticesOf(token.id, "token.suspension_warning")).toHaveLength(0);

    // A second scan changes nothing: no second warning, no second suspension.
    await scanStaleTokens();
    expect(await noticesOf(dueSoon.token.id, "token.suspension_warning")).toHaveLength(1);
    expect(await noticesOf(neverUsed.token.id, "token.suspended")).toHaveLength(1);
    expect((await eventsFor(dueSoon.account.id)).filter((event) => event.action === "token.suspension_notice")).toHaveLength(1);

    // Suspended: 401 like a revoked token, and introspection says inactive.
    const whoami = await callApi("GET", "/api/v1/whoami", { token: neverUsed.value });
    expect(whoami.status).toBe(401);
    expect(errorCode(whoami)).toBe("unauthenticated");
    const introspector = await createTestServiceAccount(owner.id, { role: "INTROSPECTOR" });
    expect((await callApi("POST", "/api/v1/introspect", { token: introspector.value, body: { token: neverUsed.value } })).body).toEqual({ active: false });
    expect((await callApi("POST", "/api/v1/introspect", { token: introspector.value, body: { token: usedLately.value } })).body).toMatchObject({ active: true });

    // Listed as suspended on the account's detail.
    const { findAccountTokens } = await import("@/lib/service-accounts/find-tokens");
    const tokens = await findAccountTokens(actorOf(owner), neverUsed.account.id);
    expect(tokens?.tokens[0]).toMatchObject({ status: "suspended" });
  });

  it("resumes a suspended token for whoever may manage its account, audited, and the policy gives it its days again", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const stale = await tokenWith(owner.id, { createdAt: daysAgo(40) });
    await scanStaleTokens();
    expect((await callApi("GET", "/api/v1/whoami", { token: stale.value })).status).toBe(401);

    const stranger = await createTestUser({ role: "CONTRIBUTOR" });
    const refused = await runAction(serviceAccountActions.resume, { tokenId: stale.token.id }, actorOf(stranger), testMeta());
    expect(refused.ok).toBe(false);
    expect((await stored(stale.token.id)).suspendedAt).not.toBeNull();

    const resumed = await runAction(serviceAccountActions.resume, { tokenId: stale.token.id }, actorOf(owner), testMeta());
    expect(resumed.ok).toBe(true);
    const after = await stored(stale.token.id);
    expect(after.suspendedAt).toBeNull();
    expect(after.resumedAt).not.toBeNull();
    expect((await callApi("GET", "/api/v1/whoami", { token: stale.value })).status).toBe(200);
    const event = (await eventsFor(stale.account.id)).find((e) => e.action === "token.resumed");
    expect(event).toMatchObject({ actorType: "USER", actorId: owner.id, metadata: { tokenId: stale.token.id } });

    // Not suspended any more: a second resume is a conflict, and the next scan leaves it alone.
    const again = await runAction(serviceAccountActions.resume, { tokenId: stale.token.id }, actorOf(owner), testMeta());
    expect(again.ok || again.error.code).toBe("conflict");
    await scanStaleTokens();
    expect((await stored(stale.token.id)).suspendedAt).toBeNull();
  });

  it("resumes through the API with a token that may manage the account", async () => {
    const owner = await createTestUser({ role: "ADMIN" });
    const stale = await tokenWith(owner.id, { createdAt: daysAgo(40) });
    await scanStaleTokens();
    const admin = await createTestServiceAccount(owner.id, { role: "ADMIN" });
    const reply = await callApi("POST", "/api/v1/tokens/{id}/resume", { token: admin.value, params: { id: stale.token.id } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ token: { id: stale.token.id } });
    expect(errorCode(await callApi("POST", "/api/v1/tokens/{id}/resume", { token: admin.value, params: { id: stale.token.id } }))).toBe("conflict");
  });

  it("shows on the home page's unused lists when each token will be suspended, soonest first, and filters suspended accounts", async () => {
    const admin = await contextFor("OWNER");
    await setTokenPolicy({ ...(await loadTokenPolicy()), suspendUnusedDays: 45 }, admin);
    try {
      const owner = await createTestUser({ role: "ADMIN" });
      const later = await tokenWith(owner.id, { createdAt: daysAgo(100), lastUsedAt: daysAgo(32) });
      const sooner = await tokenWith(owner.id, { createdAt: daysAgo(100), lastUsedAt: daysAgo(40) });
      for (const { account, token } of [later, sooner]) {
        await db.serviceAccount.update({ where: { id: account.id }, data: { role: "ADMIN", lastUsedAt: (await stored(token.id)).lastUsedAt } });
      }
      const { findAttention } = await import("@/lib/home/find-attention");
      const unused = (await findAttention(actorOf(owner), "mine")).find((group) => group.bucket === "unused_30")!;
      expect(unused.rows.map((row) => [row.id, row.suspendsInDays])).toEqual([
        [sooner.account.id, 5],
        [later.account.id, 13],
      ]);
      const { findReviewTokens } = await import("@/lib/home/find-review-tokens");
      const review = (await findReviewTokens(actorOf(owner))).find((group) => group.list === "admin_unused_30")!;
      expect(review.order).toBe("suspension");
      const mine = review.rows.filter((row) => row.accountId === sooner.account.id || row.accountId === later.account.id);
      expect(mine.map((row) => [row.id, row.suspendsInDays])).toEqual([
        [sooner.token.id, 5],
        [later.token.id, 13],
      ]);

      // The list's Suspended filter: accounts whose live tokens are all suspended.
      const { statusWhere } = await import("@/lib/service-accounts/status-where");
      await db.apiToken.update({ where: { id: sooner.token.id }, data: { suspendedAt: new Date() } });
      const filtered = await db.serviceAccount.findMany({ where: { AND: [{ id: { in: [sooner.account.id, later.account.id] } }, statusWhere("suspended", new Date())] } });
      expect(filtered.map((account) => account.id)).toEqual([sooner.account.id]);
    } finally {
      await setTokenPolicy({ ...(await loadTokenPolicy()), suspendUnusedDays: 30 }, admin);
    }
  });
});
