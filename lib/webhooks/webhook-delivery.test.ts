import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { callApi, createScopedToken, errorCode } from "@/lib/testing/api-call";
import { contextFor } from "@/lib/testing/factories";
import { deliveryJobState, makeRetryDue, webhookWorker } from "@/lib/testing/webhook-jobs";
import { startWebhookReceiver, type Received, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { rotateWebhookSecret } from "./change-webhook-endpoint";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import type { WebhookEventType } from "./events";
import { sendTestEvent } from "./send-test-event";

// Deliveries to a real HTTP receiver on 127.0.0.1 (allowed here, as in Playwright's server), verified with the
// standardwebhooks library receivers use. Other test files write audit events meanwhile: each test looks only at
// its own endpoint's path and its own account.
const allowPrivate = process.env.KEYHOLD_WEBHOOK_ALLOW_PRIVATE;
process.env.KEYHOLD_WEBHOOK_ALLOW_PRIVATE = "true";

let receiver: WebhookReceiver;
const worker = webhookWorker();
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  await worker.start();
});
afterAll(async () => {
  await db.webhookEndpoint.deleteMany({ where: { url: { startsWith: receiver.url("/") } } });
  await worker.stop();
  await receiver.close();
  process.env.KEYHOLD_WEBHOOK_ALLOW_PRIVATE = allowPrivate;
});

let paths = 0;
async function endpoint(events: WebhookEventType[], ...statuses: number[]) {
  const path = `/hook-${(paths += 1)}`;
  if (statuses.length) receiver.answer(path, ...statuses);
  const admin = await contextFor("ADMIN");
  const created = await createWebhookEndpoint({ url: receiver.url(path), events, description: "" }, admin);
  return { ...created, path, admin, arrived: () => receiver.received.filter((r) => r.path === path) };
}

const payloadOf = (received: Received) => JSON.parse(received.body) as { type: string; timestamp: string; data: Record<string, unknown> };
const verifies = (secret: string, received: Received) => {
  try {
    new Webhook(secret).verify(received.body, received.headers);
    return true;
  } catch {
    return false;
  }
};
const onlyDelivery = async (endpointId: string) => {
  const deliveries = await db.webhookDelivery.findMany({ where: { endpointId } });
  expect(deliveries).toHaveLength(1);
  return deliveries[0]!;
};

describe("webhook deliveries", () => {
  it("sends signed token.created and token.rotated events that verify, and never a token value", async () => {
    const hook = await endpoint(["service_account.created", "token.created", "token.rotated"]);
    const created = await runAction(serviceAccountActions.create, { name: `wh-${paths}-${Date.now()}`, role: "VIEWER", expiration: "30" }, hook.admin.actor, hook.admin.meta);
    if (!created.ok) throw new Error(created.error.message);
    const { serviceAccount, token } = created.data;
    const rotated = await runAction(serviceAccountActions.rotateToken, { tokenId: token.id, previousTokenExpiresAt: null }, hook.admin.actor, hook.admin.meta);
    if (!rotated.ok) throw new Error(rotated.error.message);
    await worker.drain();

    const ours = hook.arrived().filter((r) => (payloadOf(r).data.serviceAccount as { id?: string } | undefined)?.id === serviceAccount.id);
    expect(ours.map((r) => payloadOf(r).type).sort()).toEqual(["service_account.created", "token.created", "token.rotated"]);
    for (const received of ours) {
      expect(verifies(hook.secret, received)).toBe(true);
      expect(received.headers["webhook-signature"]).toMatch(/^v1,\S+$/);
      expect(Object.keys(payloadOf(received))).toEqual(["type", "timestamp", "data"]);
      expect(received.body).not.toContain(token.value);
      expect(received.body).not.toContain(rotated.data.value);
      expect(received.body).not.toMatch(/kh_[0-9A-Za-z]{20,}/);
    }
    const rotation = payloadOf(ours.find((r) => payloadOf(r).type === "token.rotated")!).data as { before: { tokenId: string; hint: string }; after: { tokenId: string } };
    expect(rotation.before).toMatchObject({ tokenId: token.id, hint: token.hint });
    expect(rotation.after.tokenId).toBe(rotated.data.id);
    // The log: one succeeded delivery per event, its webhook-id the event's id.
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: hook.endpoint.id, eventId: { in: ours.map((r) => r.headers["webhook-id"]!) } } });
    expect(deliveries.map((d) => [d.status, d.attempts, d.responseStatus])).toEqual(ours.map(() => ["succeeded", 1, 200]));
    // The secret is stored only encrypted.
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } });
    expect(row.secretEncrypted).not.toContain(hook.secret.slice(6));
  });

  it("retries after a 500 with back-off, then succeeds; gives up when retries run out", async () => {
    const hook = await endpoint(["token.revoked"], 500, 200);
    await sendTestEvent({ id: hook.endpoint.id }, hook.admin);
    await worker.drain();
    const first = await onlyDelivery(hook.endpoint.id);
    expect(first).toMatchObject({ status: "pending", attempts: 1, responseStatus: 500, lastError: "HTTP 500" });
    expect(first.nextRetryAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    const waiting = await deliveryJobState(first.id);
    expect(waiting!.state).toBe("retry");
    expect(waiting!.startAfter.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } })).failingSince).not.toBeNull();

    await makeRetryDue(first.id);
    await worker.drain();
    expect(await onlyDelivery(hook.endpoint.id)).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200, nextRetryAt: null, lastError: null });
    expect(hook.arrived()).toHaveLength(2);
    expect(new Set(hook.arrived().map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } })).failingSince).toBeNull();

    const failing = await endpoint(["token.revoked"], 503);
    await sendTestEvent({ id: failing.endpoint.id }, failing.admin);
    await worker.drain();
    const delivery = await onlyDelivery(failing.endpoint.id);
    await makeRetryDue(delivery.id, { last: true });
    await worker.drain();
    expect(await onlyDelivery(failing.endpoint.id)).toMatchObject({ status: "failed", attempts: 2, responseStatus: 503, nextRetryAt: null });
    expect((await deliveryJobState(delivery.id))!.state).toBe("completed");
    const audited = await db.auditEvent.findMany({ where: { targetId: failing.endpoint.id, action: "webhook.delivery_failed" } });
    expect(audited).toHaveLength(1);
  });

  it("disables an endpoint that answers 410 at once, and tells its creator", async () => {
    const hook = await endpoint(["token.revoked"], 410);
    await sendTestEvent({ id: hook.endpoint.id }, hook.admin);
    await worker.drain();
    expect(await onlyDelivery(hook.endpoint.id)).toMatchObject({ status: "failed", attempts: 1, responseStatus: 410 });
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: "The endpoint answered 410 Gone" });
    const notices = await db.notification.findMany({ where: { userId: hook.admin.actor.id, kind: "webhook.disabled" } });
    expect(notices.map((n) => n.data)).toEqual([expect.objectContaining({ endpointId: hook.endpoint.id })]);
    expect(await db.auditEvent.count({ where: { targetId: hook.endpoint.id, action: "webhook.disabled" } })).toBe(1);
    // A disabled endpoint gets no new events.
    const revoked = await runAction(serviceAccountActions.create, { name: `wh-gone-${Date.now()}`, role: "VIEWER", expiration: "30" }, hook.admin.actor, hook.admin.meta);
    expect(revoked.ok).toBe(true);
    expect(await db.webhookDelivery.count({ where: { endpointId: hook.endpoint.id } })).toBe(1);
  });

  it("disables an endpoint whose deliveries have failed for five days", async () => {
    const hook = await endpoint(["token.revoked"], 500);
    await db.webhookEndpoint.update({ where: { id: hook.endpoint.id }, data: { failingSince: new Date(Date.now() - 5 * 86_400_000 - 60_000) } });
    await sendTestEvent({ id: hook.endpoint.id }, hook.admin);
    await worker.drain();
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: hook.endpoint.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: "Every delivery failed for 5 days" });
    expect(await db.notification.count({ where: { userId: hook.admin.actor.id, kind: "webhook.disabled" } })).toBe(1);
  });

  it("signs with both the old and the new secret for 24 hours after a rotation, then with the new one only", async () => {
    const hook = await endpoint(["token.revoked"]);
    const { secret: next } = await rotateWebhookSecret({ id: hook.endpoint.id }, hook.admin);
    expect(next).toMatch(/^whsec_/);
    expect(next).not.toBe(hook.secret);
    await sendTestEvent({ id: hook.endpoint.id }, hook.admin);
    await worker.drain();
    const [during] = hook.arrived();
    expect(during!.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(verifies(next, during!)).toBe(true);
    expect(verifies(hook.secret, during!)).toBe(true);

    // A day later.
    await db.webhookEndpoint.update({ where: { id: hook.endpoint.id }, data: { previousSecretUntil: new Date(Date.now() - 1000) } });
    await sendTestEvent({ id: hook.endpoint.id }, hook.admin);
    await worker.drain();
    const after = hook.arrived()[1]!;
    expect(after.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    expect(verifies(next, after)).toBe(true);
    expect(verifies(hook.secret, after)).toBe(false);
    expect(payloadOf(after).type).toBe("webhook.test");
  });

  it("writes deliveries only when the change commits", async () => {
    const hook = await endpoint(["token.revoked"]);
    const before = await db.webhookDelivery.count({ where: { endpointId: hook.endpoint.id } });
    await expect(
      db.$transaction(async (tx) => {
        const { audit } = await import("@/lib/audit/audit");
        await audit(tx, hook.admin.meta, { action: "token.revoked", actor: { type: "SYSTEM", name: "test" }, metadata: { tokenId: "x" } });
        expect(await tx.webhookDelivery.count({ where: { endpointId: hook.endpoint.id } })).toBe(before + 1);
        throw new Error("the revocation failed");
      }),
    ).rejects.toThrow("the revocation failed");
    expect(await db.webhookDelivery.count({ where: { endpointId: hook.endpoint.id } })).toBe(before);
  });

  it("is managed through /api/v1/webhooks by ADMIN tokens: secret once, test event, delete, errors in the API's shape", async () => {
    const { value: token, account } = await createScopedToken("ADMIN");
    const url = receiver.url(`/api-${Date.now()}`);
    const created = await callApi("POST", "/api/v1/webhooks", { token, body: { url, events: ["token.revoked", "token.created"] } });
    expect(created.status).toBe(201);
    const { webhook, secret } = created.body as { webhook: { id: string; events: string[]; enabled: boolean }; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ events: ["token.created", "token.revoked"], enabled: true });
    // The creator told if deliveries disable it: the token's owner.
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } })).createdById).toBe(account.ownerId);

    const listed = await callApi("GET", "/api/v1/webhooks", { token });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(6));
    expect((listed.body as { data: { id: string }[] }).data.map((w) => w.id)).toContain(webhook.id);

    const tested = await callApi("POST", "/api/v1/webhooks/{id}/test", { token, params: { id: webhook.id } });
    expect(tested).toMatchObject({ status: 202, body: { id: webhook.id, type: "webhook.test" } });
    await worker.drain();
    const [arrived] = receiver.received.filter((r) => r.path === new URL(url).pathname);
    expect(new Webhook(secret).verify(arrived!.body, arrived!.headers)).toMatchObject({ type: "webhook.test" });

    const refused = await callApi("POST", "/api/v1/webhooks", { token, body: { url: "gopher://x", events: ["token.nope"] } });
    expect(refused.status).toBe(422);
    expect((refused.body as { error: { code: string; details: { fieldErrors: Record<string, string[]> } } }).error).toMatchObject({
      code: "validation",
      details: { fieldErrors: { url: [expect.any(String)], events: [expect.any(String)] } },
    });
    expect(await callApi("DELETE", "/api/v1/webhooks/{id}", { token, params: { id: webhook.id } })).toMatchObject({ status: 204 });
    const again = await callApi("DELETE", "/api/v1/webhooks/{id}", { token, params: { id: webhook.id } });
    expect([again.status, errorCode(again)]).toEqual([404, "not_found"]);
    expect(await db.webhookDelivery.count({ where: { endpointId: webhook.id } })).toBe(0);
    const audited = await db.auditEvent.findMany({ where: { targetId: webhook.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audited.map((e) => e.action)).toEqual(["webhook.created", "webhook.test_sent", "webhook.deleted"]);
  });
});
