import { z } from "zod";
import { TOKEN_STATUSES } from "@/lib/tokens/token-status";
import { addTokenSchema, rotateTokenSchema, SEND_ONE_CHANGE, updateTokenFields } from "@/lib/service-accounts/token-schemas";
import { regenerateTokenBody, revealedTokenResponse } from "./schemas";

// The token endpoints' bodies and answers (lib/api/v1/token-routes.ts). The bodies are the operations' own
// schemas (lib/service-accounts/token-schemas.ts) without the ids the path carries.

const isoDateTime = z.iso.datetime({ offset: true });
const scopesDescription = "null or absent: full access of the account's role; otherwise built-in scopes the role reaches and custom scopes (Admin → Scopes)";

export const addTokenBody = addTokenSchema.omit({ serviceAccountId: true }).extend({
  expiresAt: addTokenSchema.shape.expiresAt.describe("When the token expires; null or absent: never"),
  scopes: addTokenSchema.shape.scopes.describe(scopesDescription),
  allowedIps: addTokenSchema.shape.allowedIps.describe("IPv4/IPv6 addresses or CIDR ranges the token may be used from; empty or absent: anywhere"),
});
export const rotateTokenBody = rotateTokenSchema.omit({ tokenId: true }).extend({
  previousTokenExpiresAt: rotateTokenSchema.shape.previousTokenExpiresAt.describe("null: the old token stops now; a date-time: it keeps working until then (at most a year ahead, never after its own expiry)"),
  expiresAt: rotateTokenSchema.shape.expiresAt.describe("The new token's expiry. Absent: the same lifetime the old token had, from now (never stays never); null: never"),
});
export const updateTokenBody = updateTokenFields
  .omit({ tokenId: true })
  .extend({ scopes: updateTokenFields.shape.scopes.describe("Only narrowing: a subset of the token's scopes (of the role's built-in scopes, for a full-access token)") })
  .refine((body) => Object.keys(body).length > 0, SEND_ONE_CHANGE);

const legacyBody = regenerateTokenBody.transform((body) => ({ kind: "regenerate" as const, ...body }));
const newTokenBody = addTokenBody.transform((body) => ({ kind: "add" as const, ...body }));
const isLegacy = (value: unknown) => typeof value === "object" && value !== null && "previousTokenExpiresAt" in value && !("name" in value);

/**
 * The body of POST /service-accounts/{id}/tokens: a new named token, or (deprecated: a body with only
 * previousTokenExpiresAt) the old regenerate of the primary token. Field errors name list entries (allowedIps.1).
 */
export const addOrRegenerateBody = entryPaths<z.output<typeof legacyBody> | z.output<typeof newTokenBody>>((value) => (isLegacy(value) ? legacyBody : newTokenBody));
export const rotateTokenRequest = entryPaths<z.output<typeof rotateTokenBody>>(() => rotateTokenBody);
export const updateTokenRequest = entryPaths<z.output<typeof updateTokenBody>>(() => updateTokenBody);

/** Parses with the schema `pick` chooses and names each error by its full path, e.g. allowedIps.1 or scopes.0. */
function entryPaths<T>(pick: (value: unknown) => z.ZodType<T>) {
  return z.unknown().transform((value, ctx): T => {
    const parsed = pick(value).safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path.length ? [issue.path.join(".")] : [] });
    return z.NEVER;
  });
}

export const tokenItemResponse = z.object({
  id: z.uuid(),
  name: z.string().describe("Token ID: unique among the account's live tokens"),
  description: z.string(),
  hint: z.string(),
  scopes: z.array(z.string()).nullable().describe("null: full access of the account's role"),
  allowedIps: z.array(z.string()).describe("Normalised CIDR ranges; empty: anywhere"),
  status: z.enum(TOKEN_STATUSES),
  primary: z.boolean().describe("The account's primary token (its first-created live token): the one the list's Regenerate rotates"),
  createdAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  suspendedAt: isoDateTime.nullable().describe("Set while the stale-token policy has it suspended (POST /api/v1/tokens/{id}/resume brings it back)"),
});
export const tokenWithValueResponse = tokenItemResponse.extend({ value: z.string().describe("The token itself: returned only here, once") });
export const addTokenResponse = z.object({ token: z.union([tokenWithValueResponse, revealedTokenResponse]).describe("The deprecated regenerate body answers with id, value, hint and expiresAt only") });
export const rotateTokenResponse = z.object({
  token: tokenWithValueResponse,
  previousToken: z.object({ id: z.uuid(), expiresAt: isoDateTime.nullable().describe("When the old token stops (now, or the time chosen)") }),
});
