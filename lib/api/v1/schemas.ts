import { z } from "zod";
import { HUMAN_ROLES, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { checkpointFileSchema } from "@/lib/audit/checkpoints/checkpoint-statement";
import { ActorType, AuditResult, UserStatus } from "@/lib/db/generated/enums";
import { cursorParamsSchema } from "@/lib/lists/cursor";
import { searchTextSchema } from "@/lib/lists/list-params";
import { descriptionSchema, serviceAccountNameSchema, serviceAccountRoleSchema } from "@/lib/service-accounts/schemas";
import { TOKEN_STATUSES } from "@/lib/tokens/token-status";
import { boundedDateTime } from "@/lib/validation/dates";
import { singleLineText } from "@/lib/validation/text";

// The API's request and response shapes. Field rules come from the console's schemas (lib/*/schemas.ts);
// request objects are strict, so an unknown field is a 422. Text and dates follow the shared input rules
// (lib/validation). The OpenAPI document is generated from these.

// What the API answers: always UTC with an upper-case Z (toISOString). What it accepts: boundedDateTime().
const isoDateTime = z.iso.datetime({ offset: true });
const userOrEmail = () => singleLineText().trim().min(1).max(254);
export const idParams = z.strictObject({ id: z.uuid() });

export const listServiceAccountsQuery = cursorParamsSchema.extend({
  q: searchTextSchema.optional(),
  role: z.enum(SERVICE_ACCOUNT_ROLES).optional(),
  status: z.enum(TOKEN_STATUSES).optional(),
});

export const createServiceAccountBody = z.strictObject({
  name: serviceAccountNameSchema,
  description: descriptionSchema.optional(),
  role: serviceAccountRoleSchema,
  owner: userOrEmail().optional().describe("User id or email; defaults to the owner of the calling service account"),
  expiresAt: boundedDateTime().nullable().optional().describe("When the first token expires; null or absent: never"),
});

export const updateServiceAccountBody = z
  .strictObject({
    description: descriptionSchema.optional(),
    role: serviceAccountRoleSchema.optional(),
    owner: userOrEmail().optional().describe("User id or email"),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one of description, role, owner");

export const regenerateTokenBody = z.strictObject({
  previousTokenExpiresAt: boundedDateTime()
    .nullable()
    .describe("Until when the previous token keeps working (at most a year ahead, never after its own expiry); null: it stops now"),
});

export const introspectBody = z.strictObject({ token: singleLineText().max(200) });

export const cursorQuery = cursorParamsSchema;

export const listAuditEventsQuery = cursorParamsSchema.extend({
  actor: singleLineText().trim().max(200).optional().describe("Actor id, or part of its name"),
  action: z.enum(AUDIT_ACTIONS).optional(),
  target: singleLineText().trim().max(200).optional().describe("Target id, or part of its name"),
  since: boundedDateTime().optional(),
  until: boundedDateTime().optional(),
  format: z.enum(["json", "ndjson"]).default("json").describe("ndjson: every matching event, oldest first, streamed (for SIEM pulls)"),
});

const owner = z.object({ id: z.uuid(), name: z.string(), email: z.string(), status: z.enum(UserStatus).describe("DISABLED: the owner left; the account keeps working unless policy suspends it") });
export const serviceAccountResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  role: z.enum(SERVICE_ACCOUNT_ROLES),
  owner,
  status: z.enum(TOKEN_STATUSES),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
});
const tokenResponse = z.object({
  id: z.uuid(),
  hint: z.string(),
  status: z.enum(TOKEN_STATUSES),
  createdAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export const serviceAccountDetailResponse = serviceAccountResponse.extend({ tokens: z.array(tokenResponse).describe("Current token first") });
export const revealedTokenResponse = z.object({
  id: z.uuid(),
  value: z.string().describe("The token itself: returned only here, once"),
  hint: z.string(),
  expiresAt: isoDateTime.nullable(),
});
/** `details` of input errors (422, and 409 on a field): one shape everywhere. Of a 500: the request id. */
export const validationDetailsSchema = z.strictObject({
  fieldErrors: z.record(z.string(), z.array(z.string())).describe("Messages per field"),
  formErrors: z.array(z.string()).describe("Messages about the input as a whole (e.g. an unknown field)"),
});
export const errorResponse = z.strictObject({
  error: z.strictObject({
    code: z.string().describe("Stable: validation, invalid_cursor, unauthenticated, forbidden, not_found, conflict, rate_limited, bad_request, …"),
    message: z.string(),
    details: z.union([validationDetailsSchema, z.strictObject({ requestId: z.string() })]).optional(),
  }),
});

export const whoamiResponse = z.object({
  serviceAccount: z.object({ id: z.uuid(), name: z.string(), role: z.enum(SERVICE_ACCOUNT_ROLES), ownerId: z.uuid() }),
  token: z.object({ id: z.uuid(), hint: z.string(), expiresAt: isoDateTime.nullable() }),
});
export const userResponse = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(HUMAN_ROLES), status: z.enum(UserStatus) });
export const auditEventResponse = z.object({
  id: z.string().describe("Increasing; also the cursor's key"),
  occurredAt: isoDateTime,
  actor: z.object({ type: z.enum(ActorType), id: z.string().nullable(), name: z.string().nullable(), tokenId: z.string().nullable() }),
  action: z.enum(AUDIT_ACTIONS),
  target: z.object({ type: z.string().nullable(), id: z.string(), name: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  result: z.enum(AuditResult),
  metadata: z.unknown(),
  hash: z.string().describe("HMAC-SHA-256 under the audit key (plain SHA-256 for events from before keys) of the previous event's hash and this event: the hash chain"),
});
export const introspectionResponse = z.object({
  active: z.boolean(),
  sub: z.uuid().optional().describe("The service account"),
  client_name: z.string().optional(),
  role: z.enum(SERVICE_ACCOUNT_ROLES).optional(),
  token_id: z.uuid().optional(),
  token_type: z.literal("Bearer").optional(),
  iat: z.number().int().optional(),
  exp: z.number().int().optional().describe("Absent: the token does not expire"),
});

// Signed audit checkpoints (lib/audit/checkpoints): the list, and the public key that verifies them.
export const auditCheckpointResponse = checkpointFileSchema.omit({ publicKey: true });
export const auditPublicKeyResponse = z.object({
  algorithm: z.literal("Ed25519"),
  keyId: z.string().describe("SHA-256 fingerprint of the public key: each checkpoint's keyId"),
  publicKey: z.string().describe("PEM (SPKI)"),
});
