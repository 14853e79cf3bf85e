import { z } from "zod";
import { HUMAN_ROLES, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { API_ERROR_CODES } from "@/lib/api/api-error";
import { AUDIT_ACTION_FILTERS, AUDIT_ACTIONS } from "@/lib/audit/actions";
import { OUTSIDE_ACTION } from "@/lib/authz/outside-event-schema";
import { authorizationDetailSchema } from "@/lib/authz/schemas";
import { checkpointFileSchema } from "@/lib/audit/checkpoints/checkpoint-statement";
import { ActorType, AuditResult, UserStatus } from "@/lib/db/generated/enums";
import { cursorParamsSchema } from "@/lib/lists/cursor";
import { searchTextSchema } from "@/lib/lists/list-params";
import { descriptionSchema, serviceAccountNameSchema, serviceAccountRoleSchema } from "@/lib/service-accounts/schemas";
import { TOKEN_STATUSES } from "@/lib/tokens/token-status";
import { boundedDateTime } from "@/lib/validation/dates";
import { int64Id } from "@/lib/validation/ids";
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
  include: z.enum(["tokens"]).optional().describe("tokens: each account with its tokens (as listTokens answers), so a client need not ask per account"),
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

/**
 * RFC 7662 §2.1 and RFC 7009 §2.1: `token`, form-encoded (JSON accepted too). Not strict: the RFCs require
 * unknown parameters (token_type_hint, a client_id some clients add) to be ignored.
 */
export const tokenParameterBody = z.object({
  token: singleLineText().max(200).describe("The token to check or revoke"),
  token_type_hint: z.string().optional().describe("Ignored: Keyhold has one kind of token"),
});

export const cursorQuery = cursorParamsSchema;

export const listAuditEventsQuery = cursorParamsSchema.extend({
  actor: singleLineText().trim().max(200).optional().describe("Actor id, or part of its name"),
  action: z.enum(AUDIT_ACTION_FILTERS).optional().describe("One action; ext.* for every outside event"),
  target: singleLineText().trim().max(200).optional().describe("Target id, or part of its name"),
  since: boundedDateTime().optional(),
  until: boundedDateTime().optional(),
  format: z
    .enum(["json", "ndjson"])
    .default("json")
    .describe("Deprecated: ndjson streams every matching event, oldest first, as GET /api/v1/audit-events/export does (use that)"),
});

const auditFilterQuery = listAuditEventsQuery.pick({ actor: true, action: true, target: true, since: true, until: true });
export const exportAuditEventsQuery = auditFilterQuery.extend({
  after: int64Id().optional().describe("Resume: only events with an id greater than this one (the last id you received)"),
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
    code: z.enum(API_ERROR_CODES).describe("Stable; the HTTP status follows from it"),
    message: z.string().describe("For people; may change"),
    details: z
      .union([validationDetailsSchema, z.strictObject({ requestId: z.string().describe("Quote it when reporting a 500") })])
      .optional()
      .describe("Input errors (422, 409 on a field, 403 on a field): fieldErrors and formErrors. A 500: the request id."),
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
  action: z.union([z.enum(AUDIT_ACTIONS), z.string().regex(OUTSIDE_ACTION).describe("An outside event: ext.<service>.<verb>")]),
  target: z.object({ type: z.string().nullable(), id: z.string(), name: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  result: z.enum(AuditResult),
  metadata: z.unknown(),
  hash: z.string().describe("HMAC-SHA-256 under the audit key (plain SHA-256 for events from before keys) of the previous event's hash and this event: the hash chain"),
});
/** RFC 7662 §2.2: an inactive token (unknown, revoked, expired, malformed) gets `{ "active": false }` and nothing else. */
export const activeIntrospectionResponse = z.object({
  active: z.literal(true),
  scope: z
    .string()
    .optional()
    .describe("The token's effective scopes, space-separated: for a full-access token its role's built-in scopes; otherwise its scopes (custom ones included). Absent when it has none"),
  authorization_details: z
    .array(authorizationDetailSchema)
    .describe('RFC 9396: the account\'s resource grants, e.g. [{ "type": "application", "identifier": "checkout", "privileges": ["developer"] }]'),
  client_id: z.uuid().describe("The service account"),
  username: z.string().describe("The service account's name"),
  token_type: z.literal("Bearer"),
  iat: z.number().int().describe("Issued at (seconds since the epoch)"),
  nbf: z.number().int().describe("Valid from: the same as iat"),
  exp: z.number().int().optional().describe("Expires at; absent: the token does not expire"),
  sub: z.uuid().describe("The service account (as client_id)"),
  iss: z.string().describe("This Keyhold (KEYHOLD_PUBLIC_URL)"),
  jti: z.uuid().describe("The token's id"),
  role: z.enum(SERVICE_ACCOUNT_ROLES).describe("Keyhold extension: the service account's role"),
});
export const introspectionResponse = z.union([z.strictObject({ active: z.literal(false) }), activeIntrospectionResponse]);

// Signed audit checkpoints (lib/audit/checkpoints): the list, and the public key that verifies them.
export const auditCheckpointResponse = checkpointFileSchema.omit({ publicKey: true });
export const auditPublicKeyResponse = z.object({
  algorithm: z.literal("Ed25519"),
  keyId: z.string().describe("SHA-256 fingerprint of the public key: each checkpoint's keyId"),
  publicKey: z.string().describe("PEM (SPKI)"),
});
