import { z } from "zod";
import { HUMAN_ROLES } from "@/lib/auth/permissions";
import { grantListSchema } from "@/lib/grants/schemas";
import { resourceNameSchema, resourceRolesSchema, resourceTypeNameSchema } from "@/lib/resources/schemas";
import { scopeMinimumRoleSchema, scopeNameSchema } from "@/lib/scopes/schemas";
import { descriptionSchema } from "@/lib/service-accounts/schemas";

// Request and response shapes of the scopes, resources and grants endpoints (lib/api/v1/catalog-routes.ts). Field
// rules come from lib/scopes, lib/resources and lib/grants; request objects are strict.

export const createScopeBody = z.strictObject({
  name: scopeNameSchema.describe("Lower-case letters, digits, ':', '.', '_' and '-', e.g. deploy:write; not a built-in scope"),
  description: descriptionSchema.optional(),
  minimumRole: scopeMinimumRoleSchema.optional().describe("Who may put it on a token: someone who may manage the account and holds at least this role (default CONTRIBUTOR)"),
});
export const scopeResponse = z.object({
  name: z.string(),
  description: z.string(),
  builtIn: z.boolean().describe("Built-in scopes narrow Keyhold's own API; custom scopes are for other services"),
  minimumRole: z.enum(HUMAN_ROLES).nullable().describe("Custom scopes: the minimum role to grant it; built-in: null (the account's role decides)"),
  archived: z.boolean().describe("Archived: no new token gets it; tokens that have it keep it"),
});

export const createResourceTypeBody = z.strictObject({
  name: resourceTypeNameSchema.describe("Lower-case letters, digits, '.', '_' and '-', e.g. application"),
  roles: resourceRolesSchema.describe("Ordered from least to most privileged; each one lower-case word, listed once"),
});
export const resourceTypeResponse = z.object({ name: z.string(), roles: z.array(z.string()) });

export const listResourcesQuery = z.strictObject({ type: resourceTypeNameSchema.optional().describe("Only resources of this type") });
export const createResourceBody = z.strictObject({ type: resourceTypeNameSchema.describe("The resource type's name"), name: resourceNameSchema.describe("Unique within the type") });
export const resourceResponse = z.object({ type: z.string(), name: z.string(), archived: z.boolean().describe("Archived: grants on it grant nothing, and it gets no new ones") });

/** Each entry's fields are checked by the operation, which names them as grants.2.role. */
export const setGrantsBody = z.strictObject({ grants: grantListSchema.describe("The account's grants from now on (replacing all): one role per resource") });
export const grantResponse = z.object({
  type: z.string(),
  resource: z.string(),
  role: z.string(),
  archived: z.boolean().describe("The resource is archived: the grant is kept but grants nothing"),
});
