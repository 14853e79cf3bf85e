import { z } from "zod";
import { SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { listParamsSchema } from "@/lib/lists/list-params";
import { TOKEN_STATUSES } from "@/lib/tokens/token-status";
import { ATTENTION_BUCKETS } from "./attention-where";
import { SERVICE_ACCOUNT_SORTS } from "./list-sorts";
import { boundedDateTime } from "@/lib/validation/dates";
import { multiLineText } from "@/lib/validation/text";

export const serviceAccountNameSchema = z
  .string()
  .trim()
  .min(1, "Token name is required")
  .max(64, "Token name must be at most 64 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "Use only letters, digits, '-', '_' and '.'");

export const descriptionSchema = multiLineText().trim().max(500, "Description must be at most 500 characters");
export const serviceAccountRoleSchema = z.enum(SERVICE_ACCOUNT_ROLES, { error: "Choose a role" });

export const EXPIRATION_CHOICES = ["never", "30", "90", "365", "custom"] as const;
export const EXPIRATION_LABELS: Record<(typeof EXPIRATION_CHOICES)[number], string> = {
  never: "Never",
  "30": "30 days",
  "90": "90 days",
  "365": "365 days",
  custom: "Custom date",
};
const MAX_LIFETIME_DAYS = 3650;

/** `customExpiresAt` is an ISO date-time; the form turns its local date into one before sending. */
export const createServiceAccountSchema = z
  .object({
    name: serviceAccountNameSchema,
    description: descriptionSchema.default(""),
    ownerId: z.uuid("Choose an owner").optional(),
    role: serviceAccountRoleSchema,
    expiration: z.enum(EXPIRATION_CHOICES, { error: "Choose an expiration" }),
    customExpiresAt: boundedDateTime("Enter a date").optional(),
  })
  .superRefine((input, ctx) => {
    if (input.expiration !== "custom") return;
    const at = input.customExpiresAt ? Date.parse(input.customExpiresAt) : NaN;
    if (Number.isNaN(at)) ctx.addIssue({ code: "custom", path: ["customExpiresAt"], message: "Enter a date" });
    else if (at <= Date.now()) ctx.addIssue({ code: "custom", path: ["customExpiresAt"], message: "The date must be in the future" });
    else if (at > Date.now() + MAX_LIFETIME_DAYS * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["customExpiresAt"], message: "The date must be within 10 years" });
    }
  });
export type CreateServiceAccountInput = z.input<typeof createServiceAccountSchema>;

/** When a token created with this choice expires (null: never). */
export function expiresAtFor(input: { expiration: (typeof EXPIRATION_CHOICES)[number]; customExpiresAt?: string }, now = Date.now()): Date | null {
  if (input.expiration === "never") return null;
  if (input.expiration === "custom") return new Date(input.customExpiresAt!);
  return new Date(now + Number(input.expiration) * 86_400_000);
}

export const updateServiceAccountSchema = z.object({
  id: z.uuid(),
  description: descriptionSchema,
  ownerId: z.uuid("Choose an owner"),
  role: serviceAccountRoleSchema,
});
export type UpdateServiceAccountInput = z.input<typeof updateServiceAccountSchema>;

/** How long a regenerated account's previous token may keep working, at most. */
export const MAX_KEEP_PREVIOUS_DAYS = 365;

export const regenerateTokenSchema = z
  .object({
    serviceAccountId: z.uuid(),
    previousToken: z.enum(["expire_now", "keep_until"]),
    previousTokenExpiresAt: boundedDateTime("Enter a date and time").optional(),
  })
  .superRefine((input, ctx) => {
    if (input.previousToken !== "keep_until") return;
    const at = input.previousTokenExpiresAt ? Date.parse(input.previousTokenExpiresAt) : NaN;
    if (Number.isNaN(at)) ctx.addIssue({ code: "custom", path: ["previousTokenExpiresAt"], message: "Enter a date and time" });
    else if (at <= Date.now()) ctx.addIssue({ code: "custom", path: ["previousTokenExpiresAt"], message: "The date must be in the future" });
    else if (at > Date.now() + MAX_KEEP_PREVIOUS_DAYS * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["previousTokenExpiresAt"], message: "The date must be within a year" });
    }
    // Never after the previous token's own expiry either: regenerate-token.ts checks that against the token.
  });
export type RegenerateTokenInput = z.input<typeof regenerateTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: z.uuid() });
export const deleteServiceAccountSchema = z.object({ id: z.uuid() });

/** A pasted full token to search by (lib/service-accounts/find-token-hint.ts); its shape is checked there. */
export const tokenSearchSchema = z.object({ token: z.string().max(100) });

export const findServiceAccountsSchema = listParamsSchema(SERVICE_ACCOUNT_SORTS, "createdAt").extend({
  role: serviceAccountRoleSchema.optional(),
  ownerId: z.uuid().optional(),
  status: z.enum(TOKEN_STATUSES).optional(),
  /** What needs attention (the home page's links): attention-where.ts. */
  attention: z.enum(ATTENTION_BUCKETS).optional(),
});
export type FindServiceAccountsParams = z.output<typeof findServiceAccountsSchema>;
