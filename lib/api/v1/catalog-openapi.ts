import type { RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodType } from "zod";
import { jsonContent } from "./openapi-components";
import {
  createResourceBody,
  createResourceTypeBody,
  createScopeBody,
  grantResponse,
  listResourcesQuery,
  resourceResponse,
  resourceTypeResponse,
  scopeResponse,
  setGrantsBody,
} from "./catalog-schemas";
import { idParams } from "./schemas";

type Responses = NonNullable<RouteConfig["responses"]>;
type Helpers = {
  route: (config: RouteConfig) => void;
  ok: (description: string, schema?: ZodType) => Responses[string];
  errors: (...statuses: number[]) => Responses;
};

export const CATALOG_TAG = { name: "Access", description: "Custom scopes, resource types, resources and service accounts' resource grants" };

/** The scopes, resources and grants operations (catalog-routes.ts) in the OpenAPI document. */
export function documentCatalog({ route, ok, errors }: Helpers) {
  const withBody = errors(400, 413, 415, 422);
  const list = (item: ZodType) => z.object({ data: z.array(item) });
  const Scope = scopeResponse.meta({ id: "Scope" });
  const ResourceType = resourceTypeResponse.meta({ id: "ResourceType" });
  const Resource = resourceResponse.meta({ id: "Resource" });
  const Grant = grantResponse.meta({ id: "ResourceGrant" });
  const body = (schema: ZodType) => ({ body: { required: true, ...jsonContent(schema) } });

  route({ method: "get", path: "/api/v1/scopes", summary: "List built-in and custom scopes", responses: { 200: ok("Built-in scopes first, then custom ones by name", list(Scope)) } });
  route({
    method: "post",
    path: "/api/v1/scopes",
    summary: "Create a custom scope",
    request: body(createScopeBody),
    responses: { 201: ok("Created", z.object({ scope: Scope })), ...withBody, ...errors(409) },
  });
  route({ method: "get", path: "/api/v1/resource-types", summary: "List resource types and their ordered roles", responses: { 200: ok("By name", list(ResourceType)) } });
  route({
    method: "post",
    path: "/api/v1/resource-types",
    summary: "Create a resource type",
    request: body(createResourceTypeBody),
    responses: { 201: ok("Created", z.object({ resourceType: ResourceType })), ...withBody, ...errors(409) },
  });
  route({ method: "get", path: "/api/v1/resources", summary: "List resources", request: { query: listResourcesQuery }, responses: { 200: ok("By type, then name", list(Resource)), ...errors(400, 422) } });
  route({
    method: "post",
    path: "/api/v1/resources",
    summary: "Create a resource of a type",
    request: body(createResourceBody),
    responses: { 201: ok("Created", z.object({ resource: Resource })), ...withBody, ...errors(409) },
  });
  route({
    method: "get",
    path: "/api/v1/service-accounts/{id}/grants",
    summary: "A service account's resource grants",
    request: { params: idParams },
    responses: { 200: ok("By type, then resource", list(Grant)), ...errors(400, 404) },
  });
  route({
    method: "put",
    path: "/api/v1/service-accounts/{id}/grants",
    summary: "Replace a service account's resource grants",
    description:
      "ADMIN tokens only, through the access rule (the account's role must be one the caller could grant) and with service_accounts:write. Each entry needs a known type, a resource of it that is not archived (unless the account already holds exactly that grant) and one of the type's roles; errors name the entry's field, e.g. `grants.2.role`. Answers the account's grants as they now are.",
    request: { params: idParams, ...body(setGrantsBody) },
    responses: { 200: ok("The grants now", list(Grant)), ...withBody, ...errors(404) },
  });
}
