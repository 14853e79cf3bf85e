// Verify integrity against a tampered event: one row edited behind the app's back (the append-only trigger
// switched off for it) breaks the chain at that event; restored, the chain is intact again. Other tests
// share this database, so the edit is made and undone under an exclusive lock Verify-expecting tests respect.
import { E2E_AUDIT_KEY, E2E_OWNER } from "../../playwright.config";
import { auditKeyId } from "../../lib/audit/audit-keys";
import { rewriteAuditChain } from "../../lib/testing/rewrite-audit-chain";
import { auditLog, auditRows, expectIntegrityVerified, seedAuditEvents, setEventColumnBehindTheAppsBack, verifyIntegrity, withChainLock, type AuditSeed } from "../support/audit";
import { db } from "../support/db";
import { expect, test } from "../support/fixtures";

test.describe.configure({ mode: "serial" });

let seed: AuditSeed;

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    seed = await seedAuditEvents(request, 3);
  } finally {
    await request.dispose();
  }
});

test.beforeEach(async ({ page, signIn }) => {
  await signIn(page, E2E_OWNER);
});

test("the chain verifies before anything is touched", async ({ page }) => {
  await auditLog(page).goto();
  await expectIntegrityVerified(page);
});

test("an edited event breaks the chain at that event, and restoring it mends it", async ({ page }) => {
  const log = auditLog(page);
  const [event] = await auditRows(`action = 'service_account.created' AND "targetId" = $1`, [seed.accounts[1]!.id]);
  expect(event).toBeDefined();
  const original = event!.targetName;
  expect(original).toBe(seed.accounts[1]!.name);
  await log.goto();

  await withChainLock("exclusive", async () => {
    // Nothing else may break the chain earlier, or the first break would not be ours.
    const before = await verifyIntegrity(page);
    await expect(before).toHaveText(/^Integrity verified:/);
    try {
      await setEventColumnBehindTheAppsBack(event!.id, "targetName", "tampered");
      const { rows } = await db().query(`SELECT "targetName" FROM "AuditEvent" WHERE id = $1::bigint`, [event!.id]);
      expect(rows[0].targetName).toBe("tampered");

      const status = await verifyIntegrity(page);
      await expect(status).toContainText(`Integrity check failed: Event ${event!.id} was altered: its content no longer matches its hash.`);
      await expect(status.getByRole("link", { name: `View event ${event!.id}` })).toBeVisible();
    } finally {
      await setEventColumnBehindTheAppsBack(event!.id, "targetName", original);
    }
    const { rows } = await db().query(`SELECT "targetName" FROM "AuditEvent" WHERE id = $1::bigint`, [event!.id]);
    expect(rows[0].targetName).toBe(original);
    // A fresh page: the same button, a new check.
    await log.goto();
    const after = await verifyIntegrity(page);
    await expect(after).toHaveText(/^Integrity verified: \d+ events, chain intact\.$/);
  });

  // The failed check was itself audited, naming the event.
  const failures = await auditRows(`action = 'audit.verified' AND result = 'FAILURE' AND metadata->'firstBreak'->>'id' = $1`, [event!.id]);
  expect(failures).toHaveLength(1);
});

test("a rewrite that recomputes every later hash with plain SHA-256 is caught at the edited event", async ({ page }) => {
  const log = auditLog(page);
  const [event] = await auditRows(`action = 'service_account.created' AND "targetId" = $1`, [seed.accounts[2]!.id]);
  expect(event).toBeDefined();
  await log.goto();

  await withChainLock("exclusive", async () => {
    await expect(await verifyIntegrity(page)).toHaveText(/^Integrity verified:/);
    const client = await db().connect();
    try {
      // The attacker's rewrite: the public formula, and no key id, as if the events predated keys.
      await rewriteAuditChain(client, event!.id, { keyId: null, key: null, targetName: "tampered" });
      try {
        const status = await verifyIntegrity(page);
        await expect(status).toContainText(`Integrity check failed: Event ${event!.id} has no audit key although event `);
        await expect(status).toContainText("it was rewritten without the key.");
        await expect(status.getByRole("link", { name: `View event ${event!.id}` })).toBeVisible();
      } finally {
        // Only the key's holder can mend it: the same events, chained again with the real key.
        const key = Buffer.from(E2E_AUDIT_KEY, "base64url");
        await rewriteAuditChain(client, event!.id, { keyId: auditKeyId(key), key, targetName: event!.targetName });
      }
    } finally {
      client.release();
    }
    await log.goto();
    await expect(await verifyIntegrity(page)).toHaveText(/^Integrity verified: \d+ events, chain intact\.$/);
  });
});

test("the chain verifies again afterwards", async ({ page }) => {
  await auditLog(page).goto();
  await expectIntegrityVerified(page);
});
