import { z } from "zod";
import { SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { cursorParamsSchema } from "@/lib/lists/cursor";
import { descriptionSchema, serviceAccountNameSchema, serviceAccountRoleSchema } from "@/lib/service-accounts/schemas";
import { TOKEN_STATUSES } from "@/lib/tokens/token-status";

// The API's request and response shapes. Field rules come from the console's schemas (lib/*/schemas.ts);
// request objects are strict, so an unknown field is a 422. The OpenAPI document is generated from these.

const isoDateTime = z.iso.datetime({ offset: true });
export const idParams = z.strictObject({ id: z.uuid() });

export const listServiceAccountsQuery = cursorParamsSchema.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(SERVICE_ACCOUNT_ROLES).optional(),
  status: z.enum(TOKEN_STATUSES).optional(),
});

export const createServiceAccountBody = z.strictObject({
  name: serviceAccountNameSchema,
  description: descriptionSchema.optional(),
  role: serviceAccountRoleSchema,
  owner: z.string().min(1).max(254).optional().describe("User id or email; defaults to the owner of the calling service account"),
  expiresAt: isoDateTime.nullable().optional().describe("When the first token expires; null or absent: never"),
});

export const updateServiceAccountBody = z
  .strictObject({
    description: descriptionSchema.optional(),
    role: serviceAccountRoleSchema.optional(),
    owner: z.string().min(1).max(254).optional().describe("User id or email"),
  })
  .refine((body) => Object.keys(body).length > 0, "Send at least one of description, role, owner");

export const regenerateTokenBody = z.strictObject({
  previousTokenExpiresAt: isoDateTime.nullable().describe("Until when the previous token keeps working; null: it stops now"),
});

export const introspectBody = z.strictObject({ token: z.string().max(200) });

export const cursorQuery = cursorParamsSchema;

export const listAuditEventsQuery = cursorParamsSchema.extend({
  actor: z.string().trim().max(200).optional().describe("Actor id, or part of its name"),
  action: z.enum(AUDIT_ACTIONS).optional(),
  target: z.string().trim().max(200).optional().describe("Target id, or part of its name"),
  since: isoDateTime.optional(),
  until: isoDateTime.optional(),
  format: z.enum(["json", "ndjson"]).default("json").describe("ndjson: every matching event, oldest first, streamed (for SIEM pulls)"),
});

const owner = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
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
export const revealedTokenResponse = z.object({
  id: z.uuid(),
  value: z.string().describe("The token itself: returned only here, once"),
  hint: z.string(),
  expiresAt: isoDateTime.nullable(),
});
export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
