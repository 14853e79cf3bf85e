import http from "node:http";
import { describe, expect, it } from "vitest";
import { errorResponse } from "./v1/schemas";
import { createApiServer, isApiPath } from "./server";
import { openApiDocument } from "./v1/openapi";
import { API_ROUTES } from "./v1/routes";

describe("the REST API's routes", () => {
  it("are exactly the operations the OpenAPI document describes", () => {
    const methods = ["get", "post", "put", "patch", "delete"] as const;
    const documented = Object.entries(openApiDocument().paths ?? {}).flatMap(([path, item]) =>
      methods.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = [...API_ROUTES.map((route) => `${route.method} ${route.path}`), "GET /api/health", "GET /api/health/ready", "GET /api/v1/audit-checkpoints/public-key", "POST /api/v1/tokens/leaked", "GET /api/v1/schemas/keyhold.yaml.json"];
    expect(served.sort()).toEqual(documented.sort());
  });

  it("take /api/v1 and /api/health; sign-in and the console stay with Next", () => {
    for (const url of ["/api/v1/whoami", "/api/v1/service-accounts?limit=5", "/api/v1", "/api/health", "/api/health?probe=1", "/api/health/ready"]) expect(isApiPath(url), url).toBe(true);
    for (const url of ["/api/auth/csrf", "/api/healthz", "/api/health/readyz", "/api/v10/x", "/admin/api-tokens", "/docs/api", "/"]) expect(isApiPath(url), url).toBe(false);
  });
});

describe("the REST API's framework errors", () => {
  it("answer in the API's error shape, with its headers, before any route runs", async () => {
    const app = await createApiServer(http.createServer());
    try {
      const cases = [
        { url: "/api/v1/service-accounts/%E0%A4%A", status: 400, code: "bad_request" },
        { url: `/api/v1/service-accounts/${"a".repeat(101)}`, status: 404, code: "not_found" },
        { url: "/api/v1/no-such-thing", status: 404, code: "not_found" },
      ];
      for (const { url, status, code } of cases) {
        const response = await app.inject({ method: "GET", url });
        expect(response.statusCode, url).toBe(status);
        const body = errorResponse.parse(response.json());
        expect(body.error.code, url).toBe(code);
        expect(response.headers["x-request-id"], url).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers["x-content-type-options"], url).toBe("nosniff");
      }
    } finally {
      await app.close();
    }
  });
});
