import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, principalUserId } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { validationError } from "@/lib/errors";
import type { createWebhookSchema } from "./schemas";
import { webhookTarget } from "./webhook-audit";
import { encryptWebhookSecret, newWebhookSecret } from "./webhook-secret";
import { webhookSummary, type WebhookSummary } from "./webhook-summary";
import { resolveWebhookTarget, WebhookTargetError } from "./webhook-target";

export type CreatedWebhook = { endpoint: WebhookSummary; secret: string };

/** Where an endpoint may point (the SSRF guard), as the `url` field's error. */
export async function assertWebhookUrlAllowed(url: string): Promise<void> {
  try {
    await resolveWebhookTarget(url);
  } catch (error) {
    if (error instanceof WebhookTargetError) throw validationError({ url: [error.message] });
    throw error;
  }
}

/** Adds an endpoint. Its signing secret leaves only in the result; the row holds it encrypted. */
export async function createWebhookEndpoint(input: z.output<typeof createWebhookSchema>, { actor, meta }: ActionContext): Promise<CreatedWebhook> {
  await assertWebhookUrlAllowed(input.url);
  const secret = newWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        url: input.url,
        description: input.description,
        eventTypes: input.events,
        secretEncrypted: encryptWebhookSecret(secret),
        // The person told when deliveries disable it: for an API token, the token's owner.
        createdById: principalUserId(actor),
      },
    });
    await audit(tx, meta, { action: "webhook.created", actor: actorParty(actor), target: webhookTarget(created), metadata: { after: { url: created.url, events: created.eventTypes, description: created.description } } });
    return created;
  });
  return { endpoint: webhookSummary(endpoint), secret };
}
