import { z } from "zod";
import { AUTHORIZE_REASONS } from "@/lib/authz/decide-authorization";
import { clientIpSchema } from "@/lib/authz/schemas";
import { tokenParameterBody } from "./schemas";

// The API shapes of introspection's additions, authorize and outside events (the OpenAPI document reads them).

/** RFC 7662 §2.1 plus `client_ip`: the address the calling service saw (its allowlist then decides `active`). */
export const introspectBody = tokenParameterBody.extend({ client_ip: clientIpSchema.optional() });

export const authorizeResponse = z.object({
  allowed: z.boolean(),
  reason: z.enum(AUTHORIZE_REASONS).describe("Checked in this order: inactive, ip_denied, scope_missing, no_grant; ok when allowed"),
  subject: z.uuid().nullable().describe("The token's service account; null when the token is not active"),
});

export const reportedEventResponse = z.object({
  id: z.string().describe("The audit event's id"),
  action: z.string(),
  actor: z.object({ type: z.literal("SERVICE_ACCOUNT"), id: z.uuid(), name: z.string(), tokenId: z.uuid() }).describe("The token that acted, and its service account"),
});
