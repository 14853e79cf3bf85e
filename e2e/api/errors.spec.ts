import { expect, test } from "@playwright/test";
import { E2E_API_RATE_LIMIT } from "../../playwright.config";
import { auditEvents } from "../support/db";
import { apiClient, createServiceAccountWithToken, errorOf } from "../support/tokens";

test.describe("REST API: bad input and limits", () => {
  test("malformed JSON, wrong types, unknown fields, oversize bodies and bad ids get the error body", async ({ request }) => {
    const admin = await createServiceAccountWithToken("ADMIN");
    const api = apiClient(request, admin.value);

    const malformed = await api.raw("POST", "/api/v1/service-accounts", '{"name": "x",');
    expect(malformed.status()).toBe(400);
    expect((await errorOf(malformed)).code).toBe("malformed_json");

    const wrongTypes = await api.post("/api/v1/service-accounts", { name: 42, role: "SUPERUSER" });
    expect(wrongTypes.status()).toBe(422);
    const details = (await errorOf(wrongTypes)).details as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(details.fieldErrors).sort()).toEqual(["name", "role"]);

    const unknownField = await api.post("/api/v1/service-accounts", { name: "ok-name", role: "VIEWER", isAdmin: true });
    expect(unknownField.status()).toBe(422);
    expect(JSON.stringify(await errorOf(unknownField))).toContain("isAdmin");

    const oversize = await api.raw("POST", "/api/v1/service-accounts", JSON.stringify({ name: "big", role: "VIEWER", description: "x".repeat(70_000) }));
    expect(oversize.status()).toBe(413);
    expect((await errorOf(oversize)).code).toBe("payload_too_large");

    const notJson = await api.raw("POST", "/api/v1/service-accounts", "name=x", "application/x-www-form-urlencoded");
    expect(notJson.status()).toBe(415);

    expect((await api.get("/api/v1/service-accounts/not-a-uuid")).status()).toBe(404);
    const badLimit = await api.get("/api/v1/service-accounts?limit=1000");
    expect(badLimit.status()).toBe(422);

    const pastExpiry = await api.post("/api/v1/service-accounts", { name: `past-${admin.tokenId.slice(0, 6)}`, role: "VIEWER", expiresAt: "2001-01-01T00:00:00Z" });
    expect(pastExpiry.status()).toBe(422);
    expect((await errorOf(pastExpiry)).details).toEqual({ fieldErrors: { expiresAt: ["The date must be in the future"] }, formErrors: [] });

    const duplicate = await api.post("/api/v1/service-accounts", { name: admin.accountName, role: "VIEWER" });
    expect(duplicate.status()).toBe(409);
    for (const response of [malformed, wrongTypes, oversize, duplicate]) expect(await response.text()).not.toMatch(/at \w+ \(|node_modules/);
  });

  test("an unknown endpoint is a 404 and a wrong method a 405 with Allow, both in the error shape", async ({ request }) => {
    const api = apiClient(request, (await createServiceAccountWithToken("VIEWER")).value);
    const unknown = await api.get("/api/v1/no-such-endpoint");
    expect(unknown.status()).toBe(404);
    expect((await errorOf(unknown)).code).toBe("not_found");
    const wrongMethod = await api.raw("PUT", "/api/v1/service-accounts/8a6e0804-2bd0-4672-b79e-d97358845ebc", "{}");
    expect(wrongMethod.status()).toBe(405);
    expect(wrongMethod.headers().allow).toBe("GET, PATCH, DELETE");
    expect((await errorOf(wrongMethod)).code).toBe("method_not_allowed");
    // A trailing slash names the same endpoint.
    expect((await api.get("/api/v1/whoami/")).status()).toBe(200);
  });

  test("a token over its per-minute limit gets 429 with Retry-After, and the refusal is audited", async ({ request }) => {
    const limit = E2E_API_RATE_LIMIT;
    const account = await createServiceAccountWithToken("VIEWER");
    const api = apiClient(request, account.value);
    const first = await api.get("/api/v1/whoami");
    expect(first.headers()["ratelimit-limit"]).toBe(String(limit));
    for (let i = 1; i < limit; i++) expect((await api.get("/api/v1/whoami")).status()).toBe(200);
    const refused = await api.get("/api/v1/whoami");
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(refused.headers()["ratelimit-remaining"]).toBe("0");
    expect((await errorOf(refused)).code).toBe("rate_limited");
    // Audited as one aggregate for the token, the reason and the route (written when its window ends).
    await expect
      .poll(async () => (await auditEvents({ action: "api.request_refused", actorId: account.accountId })).map((e) => e.metadata))
      .toEqual([expect.objectContaining({ reason: "rate_limited", status: 429, method: "GET", path: "/api/v1/whoami", count: 1 })]);
  });

  test("refused calls (401, 403) are audited", async ({ request }) => {
    const viewer = await createServiceAccountWithToken("VIEWER");
    const forbidden = await apiClient(request, viewer.value).post("/api/v1/service-accounts", { name: "nope", role: "VIEWER" });
    expect(forbidden.status()).toBe(403);
    expect((await errorOf(forbidden)).code).toBe("forbidden");
    await expect
      .poll(async () => (await auditEvents({ action: "api.request_refused", actorId: viewer.accountId })).map((e) => e.metadata))
      .toEqual([expect.objectContaining({ reason: "missing_permission", status: 403, method: "POST", path: "/api/v1/service-accounts", count: 1 })]);
  });
});
