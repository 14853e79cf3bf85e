import type { Tx } from "@/lib/db/client";
import { validationError, type FieldErrors } from "@/lib/errors";
import type { GrantInput } from "./schemas";

export type GrantField = "type" | "resource" | "role";
/** How an error on entry `index`'s field is named to the caller: `grants.2.role` for the API, `role` in a form. */
export type FieldKey = (index: number, field: GrantField) => string;
export type ResolvedGrant = GrantInput & { resourceId: string };

/**
 * Turns names into resources, checking each entry: a known type, a resource of it, one of the type's roles, and a
 * resource that is not archived (unless the account already holds exactly this grant: a round trip of GET and PUT
 * must not fail because a resource was archived since). Types and resources are read FOR SHARE, so a concurrent
 * role removal or archive (which lock them FOR UPDATE) waits for this change or is seen by it. The account's own
 * row is locked first (lib/service-accounts/lock-account.ts).
 */
export async function resolveGrants(tx: Tx, grants: readonly GrantInput[], held: ReadonlySet<string>, key: FieldKey): Promise<ResolvedGrant[]> {
  if (!grants.length) return [];
  const typeNames = [...new Set(grants.map((g) => g.type))];
  const types = await tx.$queryRaw<{ id: string; name: string; roles: string[] }[]>`
    SELECT id, name, roles FROM "ResourceType" WHERE name = ANY(${typeNames}::text[]) FOR SHARE`;
  const typeIds = types.map((t) => t.id);
  const resourceNames = [...new Set(grants.map((g) => g.resource))];
  const resources = typeIds.length
    ? await tx.$queryRaw<{ id: string; typeId: string; name: string; archivedAt: Date | null }[]>`
        SELECT id, "typeId", name, "archivedAt" FROM "Resource" WHERE "typeId" = ANY(${typeIds}::uuid[]) AND name = ANY(${resourceNames}::text[]) FOR SHARE`
    : [];
  const errors: FieldErrors = {};
  const fail = (index: number, field: GrantField, message: string) => void (errors[key(index, field)] = [message]);
  const resolved = grants.map((grant, index) => {
    const type = types.find((t) => t.name === grant.type);
    if (!type) return fail(index, "type", "No resource type with this name");
    const resource = resources.find((r) => r.typeId === type.id && r.name === grant.resource);
    if (!resource) return fail(index, "resource", `No ${type.name} with this name`);
    if (!type.roles.includes(grant.role)) return fail(index, "role", `${type.name} has the roles ${type.roles.join(", ")}`);
    if (resource.archivedAt && !held.has(grantKey(resource.id, grant.role))) return fail(index, "resource", "This resource is archived");
    return { ...grant, resourceId: resource.id };
  });
  if (Object.keys(errors).length) throw validationError(errors);
  return resolved as ResolvedGrant[];
}

export const grantKey = (resourceId: string, role: string) => `${resourceId}:${role}`;
