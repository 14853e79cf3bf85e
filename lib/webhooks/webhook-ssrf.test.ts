import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { contextFor } from "@/lib/testing/factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { webhookActions } from "./action-definitions";
import { attempt } from "./deliver-webhook";
import { encryptWebhookSecret, newWebhookSecret } from "./webhook-secret";
import { refusedAddressReason, resolveWebhookTarget } from "./webhook-target";

// The SSRF guard without KEYHOLD_WEBHOOK_ALLOW_PRIVATE (the default): refused when saved, as a field error,
// and again when delivering (an endpoint whose address turned private is not sent to). No worker runs here:
// webhook-delivery.test.ts works the queue (with private addresses allowed), and only it.
const allowPrivate = process.env.KEYHOLD_WEBHOOK_ALLOW_PRIVATE;
delete process.env.KEYHOLD_WEBHOOK_ALLOW_PRIVATE;

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  if (allowPrivate !== undefined) process.env.KEYHOLD_WEBHOOK_ALLOW_PRIVATE = allowPrivate;
});

const REFUSED = [
  ["http://10.0.0.1/hook", "private"],
  ["http://169.254.169.254/latest/meta-data", "linkLocal"],
  ["http://[::1]:8080/hook", "loopback"],
  ["http://localhost:8080/hook", "loopback"], // a host name resolving to 127.0.0.1 (or ::1)
  ["http://[::ffff:127.0.0.1]/hook", "loopback"],
  ["http://100.100.100.200/", "carrierGradeNat"],
  ["http://[fd00:ec2::254]/", "uniqueLocal"],
  ["http://224.0.0.1/", "multicast"],
] as const;

describe("the webhook SSRF guard", () => {
  it.each(REFUSED)("refuses %s (%s)", async (url, range) => {
    await expect(resolveWebhookTarget(url, false)).rejects.toThrow(new RegExp(`\\(${range}\\)`));
  });

  it("allows public unicast addresses, and anything when private addresses are allowed", async () => {
    expect(refusedAddressReason("93.184.216.34")).toBeNull();
    expect(refusedAddressReason("2606:2800:220:1:248:1893:25c8:1946")).toBeNull();
    await expect(resolveWebhookTarget("https://93.184.216.34/hook", false)).resolves.toMatchObject({ address: "93.184.216.34", family: 4 });
    await expect(resolveWebhookTarget("http://127.0.0.1:1/", true)).resolves.toMatchObject({ address: "127.0.0.1" });
  });

  it("answers a refused or malformed URL and an unknown event type as field errors when an endpoint is saved", async () => {
    const admin = await contextFor("ADMIN");
    const add = (input: unknown) => runAction(webhookActions.create, input, admin.actor, admin.meta);
    for (const [url] of REFUSED) {
      const result = await add({ url, events: ["token.created"] });
      expect(result.ok ? null : result.error.fieldErrors?.url?.[0], url).toMatch(/may only go to public addresses/);
    }
    const bad = await add({ url: "ftp://example.com/", events: ["token.created", "token.exploded"] });
    expect(bad.ok ? null : bad.error.fieldErrors).toEqual({ url: [expect.stringMatching(/http/)], events: ["Unknown event type"] });
    const none = await add({ url: "http://203.0.113.9.invalid/", events: [] });
    expect(none.ok ? null : none.error.fieldErrors?.events).toEqual(["Choose at least one event"]);
    const unresolvable = await add({ url: "http://no-such-host.invalid/", events: ["token.created"] });
    expect(unresolvable.ok ? null : unresolvable.error.fieldErrors?.url).toEqual(["no-such-host.invalid could not be resolved"]);
    expect(await db.auditEvent.count({ where: { actorId: admin.actor.id, action: "webhook.created" } })).toBe(0);
  });

  it("does not send to an endpoint whose address is refused at delivery time", async () => {
    // Saved when the address was allowed (or its DNS answered otherwise then); the attempt checks again.
    const secrets = { secretEncrypted: encryptWebhookSecret(newWebhookSecret()), previousSecretEncrypted: null, previousSecretUntil: null };
    const result = await attempt({ url: receiver.url("/rebound"), ...secrets }, "msg_test", { type: "webhook.test", timestamp: new Date().toISOString(), data: {} });
    expect(result).toEqual({ status: null, durationMs: 0, error: expect.stringMatching(/127\.0\.0\.1 \(loopback\)/) });
    expect(receiver.received).toEqual([]);
  });
});
