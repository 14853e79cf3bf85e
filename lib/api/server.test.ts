import { describe, expect, it } from "vitest";
import { isApiPath } from "./server";
import { openApiDocument } from "./v1/openapi";
import { API_ROUTES } from "./v1/routes";

describe("the REST API's routes", () => {
  it("are exactly the operations the OpenAPI document describes", () => {
    const methods = ["get", "post", "patch", "delete"] as const;
    const documented = Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) =>
      methods.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = [...API_ROUTES.map((route) => `${route.method} ${route.path}`), "GET /api/health", "GET /api/v1/audit-checkpoints/public-key"];
    expect(served.sort()).toEqual(documented.sort());
  });

  it("take /api/v1 and /api/health; sign-in and the console stay with Next", () => {
    for (const url of ["/api/v1/whoami", "/api/v1/service-accounts?limit=5", "/api/v1", "/api/health", "/api/health?probe=1"]) expect(isApiPath(url), url).toBe(true);
    for (const url of ["/api/auth/csrf", "/api/healthz", "/api/v10/x", "/admin/api-tokens", "/docs/api", "/"]) expect(isApiPath(url), url).toBe(false);
  });
});
