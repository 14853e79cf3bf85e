import type { OperationObject } from "openapi3-ts/oas31";
import { describe, expect, it } from "vitest";
import type { ServiceAccountActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { openApiDocument } from "./openapi";
import type { OperationAccess } from "./openapi-access";
import { API_ROUTES } from "./routes";

// What the document (and so /docs/api) says a token needs is what the guard lets through: for every route, every
// token role, and a token with full access, with no scope, or with only the documented scope.

const document = openApiDocument("http://127.0.0.1:3000");
const actor = (role: ServiceAccountActor["role"], scopes: string[] | null): ServiceAccountActor => ({ type: "SERVICE_ACCOUNT", id: "a", name: "a", role, ownerId: "o", tokenId: "t", scopes });
const allowed = (fn: () => unknown) => {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
};

describe("x-keyhold-permission, x-keyhold-scope and x-keyhold-roles", () => {
  it("say exactly which tokens the route's guard admits", () => {
    for (const route of API_ROUTES) {
      const operation = document.paths![route.path]![route.method.toLowerCase() as "get"] as OperationObject & OperationAccess;
      expect(operation["x-keyhold-permission"]).toBe(route.permission);
      const scope = operation["x-keyhold-scope"];
      for (const role of SERVICE_ACCOUNT_ROLES) {
        const roleMay = operation["x-keyhold-roles"].includes(role);
        for (const scopes of [null, [], scope ? [scope] : ["audit:read"]]) {
          const documented = roleMay && (scopes === null || scope === null || scopes.includes(scope));
          expect(allowed(() => authorize(actor(role, scopes), route.permission, route.scope)), `${route.method} ${route.path} ${role} ${JSON.stringify(scopes)}`).toBe(documented);
        }
      }
      expect(operation.description).toContain(scope ? `the scope \`${scope}\`` : "no scope required");
    }
  });
});
