// Scopes, resources and grants for the e2e tests: a client for the endpoints apiClient lacks (PUT), and seeds.
import type { APIRequestContext } from "@playwright/test";
import { db, randomSuffix } from "./db";

export const uniqueName = (prefix: string) => `${prefix}-${randomSuffix()}`;

/** PUT /api/v1/… with a bearer token and a JSON body. */
export const putJson = (request: APIRequestContext, token: string, path: string, body: unknown) =>
  request.put(path, { headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, data: JSON.stringify(body) });

/** A resource of a seeded type, written straight into the database. */
export async function seedResource(type: string, name = uniqueName("res")): Promise<{ id: string; type: string; name: string }> {
  const { rows } = await db().query<{ id: string }>(
    `INSERT INTO "Resource" ("typeId", name, "updatedAt") SELECT id, $2, now() FROM "ResourceType" WHERE name = $1 RETURNING id`,
    [type, name],
  );
  return { id: rows[0]!.id, type, name };
}

export async function grantsInDatabase(serviceAccountId: string): Promise<{ type: string; resource: string; role: string }[]> {
  const { rows } = await db().query<{ type: string; resource: string; role: string }>(
    `SELECT t.name AS type, r.name AS resource, g.role FROM "ResourceGrant" g JOIN "Resource" r ON r.id = g."resourceId" JOIN "ResourceType" t ON t.id = r."typeId"
      WHERE g."serviceAccountId" = $1 ORDER BY t.name, r.name`,
    [serviceAccountId],
  );
  return rows;
}
