import { runAction } from "@/lib/actions/run-action";
import { json } from "@/lib/api/api-reply";
import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { grantActions } from "@/lib/grants/action-definitions";
import { grantsOf } from "@/lib/grants/find-grants";
import { resourceActions } from "@/lib/resources/action-definitions";
import { listResources, listResourceTypes } from "@/lib/resources/find-resources";
import { scopeActions } from "@/lib/scopes/action-definitions";
import { listScopes } from "@/lib/scopes/find-scopes";
import { createResourceBody, createResourceTypeBody, createScopeBody, listResourcesQuery, setGrantsBody } from "./catalog-schemas";
import { respond } from "./respond";
import { idParams } from "./schemas";
import { serviceAccountVisible } from "./service-accounts";

// Custom scopes, resource types, resources and service accounts' grants. Reading the catalog needs what seeing
// service accounts needs (whoever picks scopes for a token must see them); changing it access.manage (ADMIN+).
const READ = "service_accounts.read_own" as const;
const readGrants = { name: "grants.read", permission: READ };

export const CATALOG_ROUTES = [
  apiRoute({ method: "GET", path: "/api/v1/scopes", operationId: "listScopes", tag: "Access", permission: READ, handler: async () => json(await listScopes()) }),
  apiRoute({
    method: "POST",
    path: "/api/v1/scopes",
    operationId: "createScope",
    tag: "Access",
    permission: "access.manage",
    body: createScopeBody,
    handler: async ({ body }, { actor, meta }) =>
      respond(await runAction(scopeActions.create, body, actor, meta), ({ name, description, minimumRole, archived }) => ({ scope: { name, description, builtIn: false, minimumRole, archived } }), 201),
  }),
  apiRoute({ method: "GET", path: "/api/v1/resource-types", operationId: "listResourceTypes", tag: "Access", permission: READ, handler: async () => json(await listResourceTypes()) }),
  apiRoute({
    method: "POST",
    path: "/api/v1/resource-types",
    operationId: "createResourceType",
    tag: "Access",
    permission: "access.manage",
    body: createResourceTypeBody,
    handler: async ({ body }, { actor, meta }) => respond(await runAction(resourceActions.createType, body, actor, meta), ({ name, roles }) => ({ resourceType: { name, roles } }), 201),
  }),
  apiRoute({
    method: "GET",
    path: "/api/v1/resources",
    operationId: "listResources",
    tag: "Access",
    permission: READ,
    query: listResourcesQuery,
    handler: async ({ query }) => json(await listResources(query.type)),
  }),
  apiRoute({
    method: "POST",
    path: "/api/v1/resources",
    operationId: "createResource",
    tag: "Access",
    permission: "access.manage",
    body: createResourceBody,
    handler: async ({ body }, { actor, meta }) => respond(await runAction(resourceActions.create, body, actor, meta), ({ type, name, archived }) => ({ resource: { type, name, archived } }), 201),
  }),
  apiRoute({
    method: "GET",
    path: "/api/v1/service-accounts/{id}/grants",
    operationId: "listGrants",
    tag: "Access",
    permission: READ,
    params: idParams,
    found: ({ id }, caller) => serviceAccountVisible(caller, id, readGrants),
    handler: async ({ params }) => json({ data: await grantsOf(db, params.id) }),
  }),
  apiRoute({
    method: "PUT",
    path: "/api/v1/service-accounts/{id}/grants",
    operationId: "setGrants",
    tag: "Access",
    permission: "access.manage",
    params: idParams,
    found: ({ id }, caller) => serviceAccountVisible(caller, id, grantActions.set),
    body: setGrantsBody,
    handler: async ({ params, body }, { actor, meta }) =>
      respond(await runAction(grantActions.set, { serviceAccountId: params.id, grants: body.grants }, actor, meta), ({ grants }) => ({ data: grants })),
  }),
];
