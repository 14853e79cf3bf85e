import { z } from "zod";
import { SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { allowedIpsSchema } from "@/lib/validation/cidr";

// The OWNER's token policy (Admin → Settings → Token policy): stored as one setting, checked on every path that
// sets a token's expiry (create, add token, rotate, regenerate, "keep previous until"), and by the stale-token scan.

/** What a new token's expiry defaults to in the console (a preset; "custom" is not a default). */
export const DEFAULT_EXPIRATION_CHOICES = ["never", "30", "90", "365"] as const;
export const MAX_POLICY_LIFETIME_DAYS = 3650;
/** The stale-token policy's bounds (lib/stale-tokens/scan-stale-tokens.ts). */
export const MAX_SUSPEND_UNUSED_DAYS = 3650;

const lifetimeDays = z
  .number({ error: "Enter a whole number of days" })
  .int("Enter a whole number of days")
  .min(1, "At least 1 day")
  .max(MAX_POLICY_LIFETIME_DAYS, `At most ${MAX_POLICY_LIFETIME_DAYS} days`)
  .nullable();

export const tokenPolicySchema = z
  .object({
    /** Per role; null: no limit. */
    maxLifetimeDays: z.object(Object.fromEntries(SERVICE_ACCOUNT_ROLES.map((role) => [role, lifetimeDays.default(null)])) as Record<(typeof SERVICE_ACCOUNT_ROLES)[number], z.ZodDefault<typeof lifetimeDays>>),
    /** Removes "Never". */
    requireExpiry: z.boolean(),
    defaultExpiration: z.enum(DEFAULT_EXPIRATION_CHOICES, { error: "Choose a default expiration" }),
    /** Pre-filled in the Add token and Create dialogs; empty: anywhere. */
    defaultAllowedIps: allowedIpsSchema,
    /** Suspend live tokens with no activity (use, creation, resume) for this many days; null: off. */
    suspendUnusedDays: z
      .number({ error: "Enter a whole number of days" })
      .int("Enter a whole number of days")
      .min(1, "At least 1 day")
      .max(MAX_SUSPEND_UNUSED_DAYS, `At most ${MAX_SUSPEND_UNUSED_DAYS} days`)
      .nullable()
      .default(null),
  })
  .superRefine((policy, ctx) => {
    if (policy.requireExpiry && policy.defaultExpiration === "never") {
      ctx.addIssue({ code: "custom", path: ["defaultExpiration"], message: "Tokens must expire: choose a default lifetime" });
    }
  });

export type TokenPolicy = z.output<typeof tokenPolicySchema>;
export type TokenPolicyInput = z.input<typeof tokenPolicySchema>;

export const DEFAULT_TOKEN_POLICY: TokenPolicy = {
  maxLifetimeDays: { ADMIN: null, CONTRIBUTOR: null, VIEWER: null, AUDITOR: null, INTROSPECTOR: null },
  requireExpiry: false,
  defaultExpiration: "90",
  defaultAllowedIps: [],
  suspendUnusedDays: null,
};
