import type { RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodType } from "zod";
import { jsonContent } from "./openapi-components";
import { idParams } from "./schemas";
import { createdWebhookResponse, createWebhookBody, testEventResponse, webhookResponse } from "./webhook-schemas";

type Responses = NonNullable<RouteConfig["responses"]>;
type Helpers = {
  route: (config: RouteConfig) => void;
  ok: (description: string, schema?: ZodType) => Responses[string];
  errors: (...statuses: number[]) => Responses;
};

export const WEBHOOK_TAG = {
  name: "Webhooks",
  description: "Endpoints that receive Standard Webhooks-signed events (webhook-id, webhook-timestamp, webhook-signature) about service accounts, tokens and the token policy",
};

/** The webhook operations (webhook-routes.ts) in the OpenAPI document. */
export function documentWebhooks({ route, ok, errors }: Helpers) {
  const Webhook = webhookResponse.meta({ id: "Webhook" });
  route({ method: "get", path: "/api/v1/webhooks", summary: "List webhook endpoints", responses: { 200: ok("Oldest first; never their secrets", z.object({ data: z.array(Webhook) })) } });
  route({
    method: "post",
    path: "/api/v1/webhooks",
    summary: "Add a webhook endpoint",
    description:
      "The URL is resolved when saved: an address that is loopback, private, link-local, unique-local, CGNAT or multicast is refused with a 422 naming `url` (unless the server sets KEYHOLD_WEBHOOK_ALLOW_PRIVATE=true). The answer holds the signing secret, shown only here.",
    request: { body: { required: true, ...jsonContent(createWebhookBody) } },
    responses: { 201: ok("Added", createdWebhookResponse.extend({ webhook: Webhook })), ...errors(400, 413, 415, 422) },
  });
  route({ method: "delete", path: "/api/v1/webhooks/{id}", summary: "Delete a webhook endpoint and its deliveries", request: { params: idParams }, responses: { 204: ok("Deleted"), ...errors(400, 404) } });
  route({
    method: "post",
    path: "/api/v1/webhooks/{id}/test",
    summary: "Send a webhook.test event to an endpoint",
    description: "Queued like any event: it shows in the endpoint's Deliveries log (Admin → Webhooks) with its outcome.",
    request: { params: idParams },
    responses: { 202: ok("Queued", testEventResponse), ...errors(400, 404) },
  });
}
