// Enable or disable, rotate the secret, delete: each loads the endpoint under a row lock, changes it and audits
// the change in one transaction.
import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db, type Tx } from "@/lib/db/client";
import { notFoundError } from "@/lib/errors";
import type { setWebhookEnabledSchema, webhookIdSchema } from "./schemas";
import { SECRET_OVERLAP_MS } from "./sign-webhook";
import { webhookTarget } from "./webhook-audit";
import { encryptWebhookSecret, newWebhookSecret } from "./webhook-secret";
import { webhookSummary } from "./webhook-summary";

/** The endpoint, locked for the rest of the transaction (taken before audit()'s chain lock, like every row lock). */
export async function lockWebhookEndpoint(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "WebhookEndpoint" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const endpoint = row && (await tx.webhookEndpoint.findUnique({ where: { id: row.id } }));
  if (!endpoint) throw notFoundError("This webhook endpoint does not exist (any more).");
  return endpoint;
}

export async function setWebhookEnabled({ id, enabled }: z.output<typeof setWebhookEnabledSchema>, { actor, meta }: ActionContext) {
  return db.$transaction(async (tx) => {
    const before = await lockWebhookEndpoint(tx, id);
    if (before.enabled === enabled) return webhookSummary(before);
    // Enabling starts afresh: the failing clock too.
    const data = enabled ? { enabled, disabledReason: null, disabledAt: null, failingSince: null } : { enabled, disabledReason: "Disabled by an administrator", disabledAt: new Date() };
    const after = await tx.webhookEndpoint.update({ where: { id }, data });
    await audit(tx, meta, { action: "webhook.updated", actor: actorParty(actor), target: webhookTarget(after), metadata: { before: { enabled: before.enabled }, after: { enabled } } });
    return webhookSummary(after);
  });
}

/** A new secret, shown once; the current one keeps signing (beside it) for 24 hours. */
export async function rotateWebhookSecret({ id }: z.output<typeof webhookIdSchema>, { actor, meta }: ActionContext) {
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const before = await lockWebhookEndpoint(tx, id);
    const previousSecretUntil = new Date(Date.now() + SECRET_OVERLAP_MS);
    const after = await tx.webhookEndpoint.update({
      where: { id },
      data: { secretEncrypted: encryptWebhookSecret(secret), previousSecretEncrypted: before.secretEncrypted, previousSecretUntil },
    });
    await audit(tx, meta, { action: "webhook.secret_rotated", actor: actorParty(actor), target: webhookTarget(after), metadata: { previousSecretUntil: previousSecretUntil.toISOString() } });
    return { endpoint: webhookSummary(after), secret };
  });
}

export async function deleteWebhookEndpoint({ id }: z.output<typeof webhookIdSchema>, { actor, meta }: ActionContext) {
  return db.$transaction(async (tx) => {
    const before = await lockWebhookEndpoint(tx, id);
    await tx.webhookEndpoint.delete({ where: { id } });
    await tx.webhookDelivery.deleteMany({ where: { endpointId: id } });
    await audit(tx, meta, { action: "webhook.deleted", actor: actorParty(actor), target: webhookTarget(before), metadata: { before: { url: before.url, events: before.eventTypes } } });
    return { id };
  });
}
