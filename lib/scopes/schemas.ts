import { z } from "zod";
import { isBuiltInScope, SCOPE_NAME, SCOPE_NAME_RULE } from "@/lib/auth/scopes";
import { descriptionSchema } from "@/lib/service-accounts/schemas";

// Custom scopes (Admin → Scopes): names other services check, e.g. deploy:write. Built-in scopes are not rows.

export const SCOPE_MINIMUM_ROLES = ["OWNER", "ADMIN", "CONTRIBUTOR"] as const;

export const scopeNameSchema = z
  .string()
  .trim()
  .min(1, "Name is required")
  .max(64, "Name must be at most 64 characters")
  .regex(SCOPE_NAME, SCOPE_NAME_RULE)
  .refine((name) => !isBuiltInScope(name), "This is a built-in scope");

export const scopeMinimumRoleSchema = z.enum(SCOPE_MINIMUM_ROLES, { error: "Choose Owner, Admin or Contributor" });

export const createScopeSchema = z.object({
  name: scopeNameSchema,
  description: descriptionSchema.default(""),
  minimumRole: scopeMinimumRoleSchema.default("CONTRIBUTOR"),
});
export type CreateScopeInput = z.input<typeof createScopeSchema>;

/** The name is immutable: tokens carry it and other services check it. */
export const updateScopeSchema = z.object({ id: z.uuid(), description: descriptionSchema, minimumRole: scopeMinimumRoleSchema });
export type UpdateScopeInput = z.input<typeof updateScopeSchema>;

export const setScopeArchivedSchema = z.object({ id: z.uuid(), archived: z.boolean() });
