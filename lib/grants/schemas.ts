import { z } from "zod";
import { resourceNameSchema, resourceRoleSchema, resourceTypeNameSchema } from "@/lib/resources/schemas";

// A service account's role on resources (Humanitec's application/deployer rights): { type, resource, role }.

export const MAX_GRANTS = 200;
const GRANT_FIELDS = { type: resourceTypeNameSchema, resource: resourceNameSchema, role: resourceRoleSchema } as const;
type GrantField = keyof typeof GRANT_FIELDS;

/** The list's shape; each entry's fields are checked by withGrantChecks below. */
export const grantListSchema = z
  .array(
    z.strictObject({
      type: z.string().describe("A resource type, e.g. application"),
      resource: z.string().describe("A resource of that type, e.g. checkout"),
      role: z.string().describe("One of the type's roles, e.g. developer"),
    }),
  )
  .max(MAX_GRANTS, `At most ${MAX_GRANTS} grants`);

/**
 * Checks each entry field by field on the object that holds `grants`, so each error names its field as
 * `grants.2.role` (a nested schema's error would flatten to `grants`); a repeated resource names the later entry.
 * Trims what it checked.
 */
export function withGrantChecks<S extends z.ZodType<{ grants: GrantInput[] }>>(schema: S) {
  return schema
    .superRefine((input, ctx) => {
      const seen = new Set<string>();
      input.grants.forEach((grant, i) => {
        for (const field of Object.keys(GRANT_FIELDS) as GrantField[]) {
          const parsed = GRANT_FIELDS[field].safeParse(grant[field]);
          if (!parsed.success) ctx.addIssue({ code: "custom", path: [`grants.${i}.${field}`], message: parsed.error.issues[0]!.message });
        }
        const key = `${grant.type.trim()}/${grant.resource.trim()}`;
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [`grants.${i}.resource`], message: "This resource is listed twice" });
        seen.add(key);
      });
    })
    .transform((input) => ({ ...input, grants: input.grants.map((g) => ({ type: g.type.trim(), resource: g.resource.trim(), role: g.role.trim() })) }));
}
export type GrantInput = { type: string; resource: string; role: string };

/** Replace all the account's grants (PUT /api/v1/service-accounts/{id}/grants). */
export const setGrantsSchema = withGrantChecks(z.object({ serviceAccountId: z.uuid(), grants: grantListSchema }));

/** The console's Access section: give a role on one resource (or change it), and take it away. */
export const putGrantSchema = z.object({ serviceAccountId: z.uuid(), ...GRANT_FIELDS });
export type PutGrantInput = z.input<typeof putGrantSchema>;
export const removeGrantSchema = z.object({ serviceAccountId: z.uuid(), type: resourceTypeNameSchema, resource: resourceNameSchema });
