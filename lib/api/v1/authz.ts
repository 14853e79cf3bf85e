import { apiError, validationDetails } from "@/lib/api/api-error";
import { json, type ApiReply } from "@/lib/api/api-reply";
import { authenticateTokenNow } from "@/lib/api/authenticate-token";
import { andThen, type MaybePromise } from "@/lib/api/maybe-promise";
import type { ApiContext } from "@/lib/api/route";
import { decideAuthorization } from "@/lib/authz/decide-authorization";
import { recordAuthorizeDenial } from "@/lib/authz/record-authorize-denial";
import { reportOutsideEvent } from "@/lib/authz/report-outside-event";
import type { ReportOutsideEventInput } from "@/lib/authz/outside-event-schema";
import type { AuthorizeInput } from "@/lib/authz/schemas";

/** POST /api/v1/authorize: one cached lookup of the token, a pure decision, and a denial counted in memory. */
export function authorizeViaApi(input: AuthorizeInput, { actor, meta }: ApiContext): MaybePromise<ApiReply> {
  return andThen(authenticateTokenNow(input.token), (found) => {
    const query = { scopes: input.scope, resource: input.resource, clientIp: input.client_ip };
    const decision = decideAuthorization(found, query);
    if (!decision.allowed) recordAuthorizeDenial(decision, found, query, actor, meta);
    return json(decision);
  });
}

/** POST /api/v1/audit-events: 201 with the event's id; an unknown token is a 422 on the field that named it. */
export async function reportOutsideEventViaApi(input: ReportOutsideEventInput, { actor, meta }: ApiContext): Promise<ApiReply> {
  const result = await reportOutsideEvent(input, actor, meta);
  if (!result.ok) {
    const message = result.field === "token" ? "No active token has this value." : "No token has this id.";
    return apiError("validation", message, { details: validationDetails({ [result.field]: [message] }) });
  }
  return json({ id: result.id, action: input.action, actor: { type: "SERVICE_ACCOUNT", id: result.actor.id, name: result.actor.name, tokenId: result.actor.tokenId } }, 201);
}
