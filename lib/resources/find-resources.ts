import { db } from "@/lib/db/client";

/** Every resource type (by name) with its roles and its resources (by name), and how many grants each has. */
export async function findResourceCatalog() {
  const types = await db.resourceType.findMany({
    orderBy: { name: "asc" },
    include: { resources: { orderBy: { name: "asc" }, include: { _count: { select: { grants: true } } } } },
  });
  return types.map((type) => ({
    id: type.id,
    name: type.name,
    roles: type.roles,
    resources: type.resources.map((r) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null, grants: r._count.grants })),
  }));
}
export type ResourceCatalog = Awaited<ReturnType<typeof findResourceCatalog>>;

/** GET /api/v1/resource-types. */
export async function listResourceTypes() {
  const types = await db.resourceType.findMany({ orderBy: { name: "asc" }, select: { name: true, roles: true } });
  return { data: types };
}

/** GET /api/v1/resources: every resource, or those of one type. */
export async function listResources(type?: string) {
  const resources = await db.resource.findMany({
    where: type ? { type: { name: type } } : {},
    orderBy: [{ type: { name: "asc" } }, { name: "asc" }],
    select: { name: true, archivedAt: true, type: { select: { name: true } } },
  });
  return { data: resources.map((r) => ({ type: r.type.name, name: r.name, archived: r.archivedAt !== null })) };
}
