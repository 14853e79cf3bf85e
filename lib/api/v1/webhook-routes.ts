import { runAction } from "@/lib/actions/run-action";
import { json } from "@/lib/api/api-reply";
import { apiRoute } from "@/lib/api/route";
import { webhookActions } from "@/lib/webhooks/action-definitions";
import { TEST_EVENT } from "@/lib/webhooks/events";
import { findWebhookEndpoints } from "@/lib/webhooks/find-webhooks";
import { respond } from "./respond";
import { idParams } from "./schemas";
import { createWebhookBody } from "./webhook-schemas";

// Webhook endpoints (ADMIN tokens with webhooks:manage): the same actions as Admin → Webhooks.
const permission = "webhooks.manage" as const;
const tag = "Webhooks";

export const WEBHOOK_ROUTES = [
  apiRoute({ method: "GET", path: "/api/v1/webhooks", operationId: "listWebhooks", tag, permission, handler: async () => json({ data: await findWebhookEndpoints() }) }),
  apiRoute({
    method: "POST",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    tag,
    permission,
    body: createWebhookBody,
    handler: async ({ body }, { actor, meta }) => respond(await runAction(webhookActions.create, body, actor, meta), ({ endpoint, secret }) => ({ webhook: endpoint, secret }), 201),
  }),
  apiRoute({
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    operationId: "deleteWebhook",
    tag,
    permission,
    params: idParams,
    handler: async ({ params }, { actor, meta }) => respond(await runAction(webhookActions.delete, params, actor, meta), () => null, 204),
  }),
  apiRoute({
    method: "POST",
    path: "/api/v1/webhooks/{id}/test",
    operationId: "testWebhook",
    tag,
    permission,
    params: idParams,
    handler: async ({ params }, { actor, meta }) => respond(await runAction(webhookActions.sendTest, params, actor, meta), ({ id }) => ({ id, type: TEST_EVENT }), 202),
  }),
];
