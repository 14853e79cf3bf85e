// Admin → Webhooks end to end: add an endpoint (its secret shown once), send a test event to a real receiver on
// 127.0.0.1 (allowed by playwright.config.ts), see the delivery in the log, redeliver it; axe at desktop and
// 390 px, and focus back on what opened each dialog.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expectNoViolations, SCREENS } from "../support/axe";
import { db } from "../support/db";
import { expect, test } from "../support/fixtures";

type Received = { headers: Record<string, string>; body: string };

async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { received, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keyhold`, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function addEndpoint(page: Page, url: string) {
  await page.goto("/admin/webhooks");
  const opener = page.getByRole("button", { name: "Add endpoint" });
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Add endpoint" });
  await dialog.getByLabel("URL").fill(url);
  await dialog.getByLabel("Description (optional)").fill("e2e receiver");
  return { opener, dialog };
}

for (const [screen, viewport] of [
  ["desktop", SCREENS.desktop],
  ["phone", SCREENS.phone],
] as const) {
  test(`webhooks at ${screen} size: add → secret once → test event → delivery logged → redeliver`, async ({ page, asRole }) => {
    test.setTimeout(240_000); // four axe runs and two deliveries, on two shared cores
    await page.setViewportSize(viewport);
    const receiver = await startReceiver();
    // Other specs running meanwhile create and revoke tokens: this endpoint receives those too.
    const testEvents = () => receiver.received.filter((request) => (JSON.parse(request.body) as { type: string }).type === "webhook.test");
    try {
      await asRole("ADMIN");
      const { opener, dialog } = await addEndpoint(page, receiver.url);
      await expectNoViolations(page, '[role="dialog"]');
      // A refused form stays open with its field errors: no events chosen.
      for (const box of await dialog.getByRole("checkbox").all()) await box.uncheck();
      await dialog.getByRole("button", { name: "Add endpoint" }).click();
      await expect(dialog.getByRole("alert").filter({ hasText: "Choose at least one event" })).toBeVisible();
      await dialog.getByRole("checkbox", { name: /^token\.created/ }).check();
      await dialog.getByRole("checkbox", { name: /^token\.revoked/ }).check();
      await dialog.getByRole("button", { name: "Add endpoint" }).click();

      const reveal = page.getByRole("dialog", { name: "Copy the signing secret" });
      const secret = await reveal.getByLabel("Signing secret").inputValue();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
      await expect(reveal.getByRole("button", { name: /Copy/ })).toBeFocused();
      await expectNoViolations(page, '[role="dialog"]');
      await reveal.getByRole("button", { name: "Done" }).click();
      await expect(opener).toBeFocused();
      await expect(page.getByText(secret)).toHaveCount(0);
      await expectNoViolations(page);

      const link = page.getByRole("link", { name: receiver.url }).first();
      await link.click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(receiver.url);
      await page.getByRole("button", { name: "Send test event" }).click();
      const log = page.getByRole("table", { name: "Deliveries" });
      await expect(async () => {
        await page.reload();
        await expect(log.getByRole("row").filter({ hasText: "webhook.test" }).getByText("Succeeded")).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 30_000 });
      expect(testEvents()).toHaveLength(1);
      const [first] = testEvents();
      expect(new Webhook(secret).verify(first!.body, first!.headers)).toMatchObject({ type: "webhook.test" });
      await expect(log.getByRole("row").filter({ hasText: "webhook.test" })).toContainText("204");
      await expectNoViolations(page);

      await log.getByRole("button", { name: /^Redeliver webhook\.test/ }).click();
      await expect.poll(() => testEvents().length, { timeout: 30_000 }).toBe(2);
      expect(testEvents()[1]!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
      await expect(async () => {
        await page.reload();
        await expect(log.getByRole("row").filter({ hasText: "webhook.test" }).getByRole("cell").nth(2)).toHaveText(/2/, { timeout: 1000 });
      }).toPass({ timeout: 30_000 });

      // Rotate secret: confirmed, then the new secret once; focus back on the button.
      const rotate = page.getByRole("button", { name: "Rotate secret" });
      await rotate.focus();
      await page.keyboard.press("Enter");
      await page.getByRole("dialog", { name: "Rotate secret?" }).getByRole("button", { name: "Rotate secret" }).click();
      const rotated = page.getByRole("dialog", { name: "Copy the signing secret" });
      expect(await rotated.getByLabel("Signing secret").inputValue()).not.toBe(secret);
      await rotated.getByRole("button", { name: "Done" }).click();
      await expect(rotate).toBeFocused();
      await expect(page.getByText(/previous secret also signs until/)).toBeVisible();

      const remove = page.getByRole("button", { name: "Delete" });
      await remove.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog", { name: "Delete endpoint?" })).toBeVisible();
      await expectNoViolations(page, '[role="dialog"]');
      await page.keyboard.press("Escape");
      await expect(remove).toBeFocused();
      if (screen === "phone") {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(viewport.width);
      }
    } finally {
      await receiver.close();
      // The endpoint would otherwise receive (and fail, then retry for days) every later spec's token events.
      const endpoints = await db().query<{ id: string }>(`DELETE FROM "WebhookEndpoint" WHERE url = $1 RETURNING id`, [receiver.url]);
      await db().query(`DELETE FROM "WebhookDelivery" WHERE "endpointId" = ANY($1::uuid[])`, [endpoints.rows.map((row) => row.id)]);
    }
  });
}

test("a contributor is turned away from Webhooks", async ({ page, asRole }) => {
  await asRole("CONTRIBUTOR");
  expect((await page.goto("/admin/webhooks"))?.status()).toBe(403);
});
