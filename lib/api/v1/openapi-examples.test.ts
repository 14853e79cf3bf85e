import type { OpenAPIObject, OperationObject, RequestBodyObject, ResponseObject } from "openapi3-ts/oas31";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { reportOutsideEventBody } from "@/lib/authz/outside-event-schema";
import { authorizeJsonBody } from "@/lib/authz/schemas";
import { leakReportsSchema } from "@/lib/leaks/leak-report-schema";
import { introspectBody } from "./authz-schemas";
import { createResourceBody, createResourceTypeBody, createScopeBody, setGrantsBody } from "./catalog-schemas";
import { openApiDocument } from "./openapi";
import { exampleOf, requestBodyExample, responseExample } from "./openapi-examples";
import { createServiceAccountBody, tokenParameterBody, updateServiceAccountBody } from "./schemas";
import { addOrRegenerateBody, rotateTokenRequest, updateTokenRequest } from "./token-schemas";
import { createWebhookBody } from "./webhook-schemas";

// The API reference's curl examples (/docs/api) are built from the document: each body must be one the route's
// own schema accepts, or a reader copying it gets a 422.

const BODY_SCHEMAS: Record<string, ZodType> = {
  createServiceAccount: createServiceAccountBody,
  updateServiceAccount: updateServiceAccountBody,
  addToken: addOrRegenerateBody,
  rotateToken: rotateTokenRequest,
  updateToken: updateTokenRequest,
  introspectToken: introspectBody,
  revokeToken: tokenParameterBody,
  authorizeToken: authorizeJsonBody,
  reportAuditEvent: reportOutsideEventBody,
  createScope: createScopeBody,
  createResourceType: createResourceTypeBody,
  createResource: createResourceBody,
  setGrants: setGrantsBody,
  createWebhook: createWebhookBody,
  reportLeakedTokens: leakReportsSchema,
};

const document = openApiDocument("http://127.0.0.1:3000");
const operations = Object.values(document.paths ?? {}).flatMap((item) => Object.values(item) as OperationObject[]);

describe("request examples of the API reference", () => {
  it("give every operation that takes a body an example its route's schema accepts", () => {
    const withBody = operations.filter((o) => o.requestBody);
    expect(withBody.map((o) => o.operationId).sort()).toEqual(Object.keys(BODY_SCHEMAS).sort());
    for (const operation of withBody) {
      const example = requestBodyExample((operation.requestBody as RequestBodyObject).content, document);
      const parsed = BODY_SCHEMAS[operation.operationId!]!.safeParse(example);
      expect(parsed.error?.issues ?? [], `${operation.operationId}: ${JSON.stringify(example)}`).toEqual([]);
    }
  });

  it("show a response body for every documented 2xx answer that has one", () => {
    const created = document.paths!["/api/v1/service-accounts"]!.post!.responses!["201"] as ResponseObject;
    const example = responseExample(created.content, document)!.body as { serviceAccount: { id: string; name: string }; token: { value: string } };
    expect(example.serviceAccount.name).toBe("ci-deploy");
    expect(example.token.value).toMatch(/^kh_/);
    const deleted = document.paths!["/api/v1/service-accounts/{id}"]!.delete!.responses!["204"] as ResponseObject;
    expect(responseExample(deleted.content, document)).toBeNull();
  });

  it("follow the schema where no name says better: const, enum, format, pattern and bounds", () => {
    expect(exampleOf({ type: "object", properties: { a: { const: 3 }, b: { enum: [null, "x"] }, c: { type: "string", format: "date-time" }, d: { type: "integer", minimum: 5 }, e: { type: "string", pattern: "^[0-9]+$" } } }, document)).toEqual({
      a: 3,
      b: "x",
      c: "2027-01-01T00:00:00.000Z",
      d: 5,
      e: "42",
    });
    // A self-referencing schema stops instead of recursing forever.
    const loop: OpenAPIObject = { ...document, components: { schemas: { Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } } } } };
    expect(JSON.stringify(exampleOf({ $ref: "#/components/schemas/Node" }, loop))).toContain("null");
  });
});
