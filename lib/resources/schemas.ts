import { z } from "zod";

// Resource types (each with its own ordered roles) and resources of each type (Admin → Resources).

export const resourceTypeNameSchema = z
  .string()
  .trim()
  .min(1, "Name is required")
  .max(64, "Name must be at most 64 characters")
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "Use lower-case letters, digits, '.', '_' and '-' (e.g. application)");

export const resourceRoleSchema = z
  .string()
  .trim()
  .min(1, "A role needs a name")
  .max(64, "A role must be at most 64 characters")
  .regex(/^[a-z][a-z0-9_-]*$/, "A role is one lower-case word (e.g. developer)");

export const resourceNameSchema = z
  .string()
  .trim()
  .min(1, "Name is required")
  .max(64, "Name must be at most 64 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "Use only letters, digits, '-', '_' and '.'");

/** Ordered from least to most privileged; each role once. Errors name the role, on the `roles` field. */
export const resourceRolesSchema = z
  .array(resourceRoleSchema, { error: "List the type's roles" })
  .min(1, "A type needs at least one role")
  .max(20, "At most 20 roles")
  .superRefine((roles, ctx) => {
    const twice = roles.filter((role, i) => roles.indexOf(role) !== i);
    if (twice.length) ctx.addIssue({ code: "custom", message: `Listed twice: ${[...new Set(twice)].join(", ")}` });
  });

export const createResourceTypeSchema = z.object({ name: resourceTypeNameSchema, roles: resourceRolesSchema });
export type CreateResourceTypeInput = z.input<typeof createResourceTypeSchema>;

/** Add, reorder or remove roles; the name is immutable. A role that grants use cannot be removed. */
export const updateResourceTypeSchema = z.object({ id: z.uuid(), roles: resourceRolesSchema });
export type UpdateResourceTypeInput = z.input<typeof updateResourceTypeSchema>;

export const createResourceSchema = z.object({ type: resourceTypeNameSchema, name: resourceNameSchema });
export type CreateResourceInput = z.input<typeof createResourceSchema>;

export const setResourceArchivedSchema = z.object({ id: z.uuid(), archived: z.boolean() });

/** The console's roles field: one line, "viewer, developer, owner" (commas or spaces), checked by the same rule. */
const rolesText = z
  .string()
  .transform((text) => text.split(/[\s,]+/).filter(Boolean))
  .pipe(resourceRolesSchema);
export const resourceTypeFormSchema = createResourceTypeSchema.extend({ roles: rolesText });
export const editRolesFormSchema = updateResourceTypeSchema.extend({ roles: rolesText });
