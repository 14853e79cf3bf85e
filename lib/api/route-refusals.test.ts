import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { flushRefusals } from "@/lib/audit/refusals";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { CLIENT_IP_HEADER } from "@/lib/http/header-names";
import { createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
import { json } from "./api-reply";
import { apiRoute, type ApiRequest } from "./route";

const whoami = apiRoute({ method: "GET", path: "/api/v1/whoami", operationId: "whoami", tag: "test", permission: null, handler: async () => json({}) });
const create = apiRoute({ method: "POST", path: "/api/v1/service-accounts", operationId: "create", tag: "test", permission: "service_accounts.create", handler: async () => json({}) });

const request = (ip: string, token?: string): ApiRequest => ({
  id: randomUUID(),
  method: "GET",
  url: "/api/v1/whoami",
  headers: { [CLIENT_IP_HEADER]: ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  params: {},
  query: {},
});

const storedFailures = async (ip: string) =>
  (await db.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = ${`api-auth-failure:${ip}`}`)[0]?.points;

describe("refused API requests", () => {
  it("cost no audit write each; past the failure limit, no database write at all", async () => {
    const limit = env().KEYHOLD_API_AUTH_FAILURE_LIMIT;
    const ip = `198.51.100.7-${randomUUID().slice(0, 8)}`;
    const statuses: number[] = [];
    for (let i = 0; i < limit + 50; i++) statuses.push((await whoami.handle(request(ip))).status);
    expect(statuses).toEqual([...Array(limit).fill(401), ...Array(50).fill(429)]);
    // The failures up to the limit were counted in PostgreSQL; the 50 after it were refused from memory.
    expect(await storedFailures(ip)).toBe(limit);
    expect(await db.auditEvent.count({ where: { ip } })).toBe(0);

    await flushRefusals();
    const events = await db.auditEvent.findMany({ where: { ip } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "api.request_refused",
      actorType: "ANONYMOUS",
      result: "DENIED",
      metadata: { reason: "unauthenticated", method: "GET", path: "/api/v1/whoami", count: limit + 50, status: 429, statuses: { 401: limit, 429: 50 } },
    });
  });

  it("a missing permission is keyed by the token and the route", async () => {
    const owner = await createTestUser({ role: "VIEWER" });
    const viewer = await createTestServiceAccount(owner.id, { role: "VIEWER" });
    const ip = `198.51.100.8-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) expect((await create.handle({ ...request(ip, viewer.value), method: "POST", url: "/api/v1/service-accounts" })).status).toBe(403);
    await flushRefusals();
    const events = await db.auditEvent.findMany({ where: { action: "api.request_refused", actorId: viewer.account.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: "SERVICE_ACCOUNT",
      actorTokenId: viewer.token.id,
      ip,
      metadata: { reason: "missing_permission", method: "POST", path: "/api/v1/service-accounts", status: 403, count: 3 },
    });
  });
});
