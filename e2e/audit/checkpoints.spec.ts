// Signed checkpoints: the public key anyone may fetch, the list an auditor's token reads, and the file the
// Audit Log page downloads: signed by that key, naming an event the log holds with that very hash.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { z } from "zod";
import { checkpointFileSchema, checkpointSignatureValid, type CheckpointFile } from "../../lib/audit/checkpoints/checkpoint-statement";
import { auditCheckpointResponse, auditPublicKeyResponse } from "../../lib/api/v1/schemas";
import { auditLog, withChainLock } from "../support/audit";
import { db } from "../support/db";
import { expect, test } from "../support/fixtures";
import { apiClient, createServiceAccountWithToken } from "../support/tokens";

async function publicKey(page: Page) {
  const response = await page.request.get("/api/v1/audit-checkpoints/public-key");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(auditPublicKeyResponse.strict().parse(body)).toEqual(body);
  return body as z.infer<typeof auditPublicKeyResponse>;
}

async function downloadCheckpoint(page: Page): Promise<{ filename: string; file: CheckpointFile }> {
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download latest checkpoint" }).click();
  const download = await downloadPromise;
  const text = await readFile((await download.path())!, "utf8");
  return { filename: download.suggestedFilename(), file: checkpointFileSchema.strict().parse(JSON.parse(text)) };
}

test("the public key needs no token, and the Audit Log page shows the same key", async ({ page, asRole }) => {
  const key = await publicKey(page);
  expect(key).toMatchObject({ algorithm: "Ed25519", keyId: expect.stringMatching(/^[0-9a-f]{64}$/), publicKey: expect.stringContaining("-----BEGIN PUBLIC KEY-----") });
  await asRole("AUDITOR");
  await auditLog(page).goto();
  const panel = page.getByRole("region", { name: "Signed checkpoints" });
  await expect(panel).toContainText(key.keyId);
  await expect(panel.getByLabel("Public key (PEM)")).toHaveValue(key.publicKey.trim());
});

test("an AUDITOR downloads the latest checkpoint: signed by that key, over an event the log holds with that hash", async ({ page, asRole }) => {
  await asRole("AUDITOR");
  await auditLog(page).goto();
  const key = await publicKey(page);
  // Shared: the tamper test's rewrite is not under way while the file is compared with the log.
  await withChainLock("shared", async () => {
    const { filename, file } = await downloadCheckpoint(page);
    expect(filename).toBe(`keyhold-checkpoint-${file.eventId}.json`);
    expect(file).toMatchObject({ keyId: key.keyId, publicKey: key.publicKey });
    expect(checkpointSignatureValid(file)).toBe(true);
    expect(checkpointSignatureValid({ ...file, count: file.count + 1 })).toBe(false);
    const { rows } = await db().query(`SELECT hash FROM "AuditEvent" WHERE id = $1::bigint`, [file.eventId]);
    expect(rows[0]?.hash).toBe(file.hash);
    const { rows: counted } = await db().query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE id <= $1::bigint`, [file.eventId]);
    expect(counted[0].n).toBe(file.count);
  });
});

test("GET /api/v1/audit-checkpoints lists the checkpoints to an AUDITOR token, newest first, and refuses a VIEWER's", async ({ request }) => {
  const auditor = await createServiceAccountWithToken("AUDITOR");
  const listed = await apiClient(request, auditor.value).get("/api/v1/audit-checkpoints?limit=5");
  expect(listed.status()).toBe(200);
  const body = await listed.json();
  const page = z.strictObject({ data: z.array(auditCheckpointResponse.strict()), nextCursor: z.string().nullable() });
  expect(page.parse(body)).toEqual(body);
  expect(body.data.length).toBeGreaterThan(0);
  const { rows } = await db().query(`SELECT "eventId"::text FROM "AuditCheckpoint" ORDER BY "eventId" DESC LIMIT 5`);
  expect(body.data.map((c: { eventId: string }) => c.eventId)).toEqual(rows.map((r) => r.eventId));

  const viewer = await createServiceAccountWithToken("VIEWER");
  expect((await apiClient(request, viewer.value).get("/api/v1/audit-checkpoints")).status()).toBe(403);
  expect((await apiClient(request, null).get("/api/v1/audit-checkpoints")).status()).toBe(401);
});

test("a VIEWER may not download a checkpoint", async ({ page, asRole }) => {
  await asRole("VIEWER");
  const refused = await page.request.get("/admin/audit-log/checkpoint");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
});
