import { z } from "zod";
import { allowedIpsSchema } from "@/lib/validation/cidr";
import { boundedDateTime } from "@/lib/validation/dates";
import { descriptionSchema, EXPIRATION_CHOICES, serviceAccountNameSchema } from "./schemas";
import { scopesInputSchema } from "./token-scopes";

// One schema per token operation (server actions and the API alike; the API's bodies are these minus the ids).

/** A Token ID: the same character rules as account names. */
export const tokenNameSchema = serviceAccountNameSchema.meta({ description: "Token ID: unique among the account's live tokens (case-insensitive)" });

const expiresAtInput = boundedDateTime().nullable().optional();

export const addTokenSchema = z.strictObject({
  serviceAccountId: z.uuid(),
  name: tokenNameSchema,
  description: descriptionSchema.default(""),
  /** Absent or null: never. */
  expiresAt: expiresAtInput,
  /** Absent or null: full access of the role. */
  scopes: scopesInputSchema,
  allowedIps: allowedIpsSchema.default([]),
});
export type AddTokenInput = z.input<typeof addTokenSchema>;

export const rotateTokenSchema = z.strictObject({
  tokenId: z.uuid(),
  /** null: the old token stops now; a date: it keeps working until then. */
  previousTokenExpiresAt: boundedDateTime("Enter a date and time").nullable(),
  /** Absent: the same lifetime as the old token had, from now; null: never; a date: that date. */
  expiresAt: expiresAtInput,
});
export type RotateTokenInput = z.input<typeof rotateTokenSchema>;

export const updateTokenFields = z.strictObject({
  tokenId: z.uuid(),
  description: descriptionSchema.optional(),
  allowedIps: allowedIpsSchema.optional(),
  /** Only narrowing: a subset of the token's scopes (of the role's built-in scopes, for a full-access token). */
  scopes: scopesInputSchema,
});
export const SEND_ONE_CHANGE = "Send at least one of description, allowedIps, scopes";
export const updateTokenSchema = updateTokenFields.refine(
  (input) => input.description !== undefined || input.allowedIps !== undefined || input.scopes !== undefined,
  SEND_ONE_CHANGE,
);
export type UpdateTokenInput = z.input<typeof updateTokenSchema>;

export const listTokensSchema = z.strictObject({ serviceAccountId: z.uuid() });

/**
 * The Add token dialog's form: the operation's fields, with the expiry as a choice, the scopes as "full access or
 * these", and the ranges one per line. The dialog turns it into addTokenSchema's input.
 */
export const addTokenFormSchema = addTokenSchema.pick({ serviceAccountId: true, name: true, description: true }).extend({
  expiration: z.enum(EXPIRATION_CHOICES, { error: "Choose an expiration" }),
  customExpiresAt: boundedDateTime("Enter a date").optional(),
  access: z.enum(["full", "scopes"]),
  scopes: z.array(z.string()),
  allowedIps: z.string().max(4000, "At most 4000 characters"),
});
export type AddTokenFormInput = z.input<typeof addTokenFormSchema>;

/** The rotate dialog's choices for the new token's expiry: as before, a preset, a date, or never. */
export const ROTATE_EXPIRY_CHOICES = ["same", "30", "90", "365", "custom", "never"] as const;
export const rotateTokenFormSchema = z.object({
  tokenId: z.uuid(),
  previousToken: z.enum(["expire_now", "keep_until"]),
  previousTokenExpiresAt: boundedDateTime("Enter a date and time").optional(),
  expiry: z.enum(ROTATE_EXPIRY_CHOICES),
  customExpiresAt: boundedDateTime("Enter a date").optional(),
});
export type RotateTokenFormInput = z.input<typeof rotateTokenFormSchema>;

/** At most this many tokens per bulk revoke (one transaction each). */
export const MAX_BULK_REVOKE = 100;
export const bulkRevokeTokensSchema = z.object({
  tokenIds: z
    .array(z.uuid())
    .min(1, "Choose at least one token")
    .max(MAX_BULK_REVOKE, `Choose at most ${MAX_BULK_REVOKE} tokens`)
    .transform((ids) => [...new Set(ids)]),
});
