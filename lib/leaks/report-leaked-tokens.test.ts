import http from "node:http";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer } from "@/lib/api/server";
import { db } from "@/lib/db/client";
import { CLIENT_IP_HEADER } from "@/lib/http/header-names";
import { createTestServiceAccount, createTestUser, eventsFor } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/token-format";

// Through the real Fastify app, as a secret scanner calls it (no token).
let app: FastifyInstance;
beforeAll(async () => {
  app = await createApiServer(http.createServer());
});
afterAll(() => app.close());

let nextAddress = 1;
/** Each test reports from its own address, so the per-address limit of one does not reach another. */
const address = () => `198.51.100.${nextAddress++}`;

const report = (ip: string, payload: unknown, contentType = "application/json") =>
  app.inject({
    method: "POST",
    url: "/api/v1/tokens/leaked",
    headers: { "content-type": contentType, [CLIENT_IP_HEADER]: ip },
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
const whoami = (token: string) => app.inject({ method: "GET", url: "/api/v1/whoami", headers: { authorization: `Bearer ${token}`, [CLIENT_IP_HEADER]: "203.0.113.7" } });

describe("POST /api/v1/tokens/leaked", () => {
  it("revokes a live token at once, records the report, audits it and notifies the owner", async () => {
    const owner = await createTestUser({ role: "CONTRIBUTOR" });
    const { account, token, value } = await createTestServiceAccount(owner.id);
    expect((await whoami(value)).statusCode).toBe(200);
    const ip = address();
    const url = "https://github.com/acme/app/blob/main/.env";
    const response = await report(ip, [{ token: value, url, source: "acme scanner" }]);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ received: 1 });
    expect((await whoami(value)).statusCode).toBe(401);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored).toMatchObject({ leakReportUrl: url, leakReportSource: "acme scanner", leakReporterIp: ip, revokedById: null });
    expect(stored.revokedAt).not.toBeNull();
    expect(stored.leakReportedAt).not.toBeNull();
    const events = await eventsFor(account.id);
    const leak = events.find((event) => event.action === "token.leak_reported");
    expect(leak).toMatchObject({ actorType: "SYSTEM", actorName: "Leak report", ip, metadata: { tokenId: token.id, url, source: "acme scanner", reporterIp: ip } });
    expect(events.find((event) => event.action === "token.revoked")).toMatchObject({ actorType: "SYSTEM", metadata: { tokenId: token.id, reason: "leak_reported" } });
    expect(JSON.stringify(events.map((event) => event.metadata))).not.toContain(value.slice(3));
    const notices = await db.notification.findMany({ where: { tokenId: token.id } });
    expect(notices).toMatchObject([{ userId: owner.id, kind: "token.leaked", dedupeKey: `token.leaked:${token.id}`, data: { url, reporterIp: ip } }]);
    // Reported again: nothing more happens, and the answer is the same.
    expect((await report(address(), [{ token: value }])).json()).toEqual({ received: 1 });
    expect(await db.notification.count({ where: { tokenId: token.id } })).toBe(1);
    expect((await eventsFor(account.id)).filter((event) => event.action === "token.leak_reported")).toHaveLength(1);
  });

  it("answers unknown, malformed and already revoked tokens exactly like a live one", async () => {
    const owner = await createTestUser();
    const revoked = await createTestServiceAccount(owner.id);
    await db.apiToken.update({ where: { id: revoked.token.id }, data: { revokedAt: new Date() } });
    const live = await createTestServiceAccount(owner.id);
    const bodies = [[{ token: live.value }], [{ token: issueToken().value }], [{ token: "kh_not-a-token" }], [{ token: revoked.value }]];
    const answers = await Promise.all(bodies.map(async (body) => {
      const response = await report(address(), body);
      return { status: response.statusCode, body: response.body };
    }));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).toEqual({ status: 202, body: JSON.stringify({ received: 1 }) });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: revoked.token.id } })).leakReportedAt).toBeNull();
  });

  it("takes text/plain with one token per line", async () => {
    const owner = await createTestUser();
    const a = await createTestServiceAccount(owner.id);
    const b = await createTestServiceAccount(owner.id);
    const response = await report(address(), `${a.value}\r\n\n  ${b.value}  \nkh_junk\n`, "text/plain; charset=utf-8");
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ received: 3 });
    for (const { token } of [a, b]) expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
  });

  it("refuses bad bodies in the error shape: 101 items, a bad URL, an empty list, broken JSON, another media type", async () => {
    const ip = address();
    const tooMany = await report(ip, Array.from({ length: 101 }, () => ({ token: "kh_x" })));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ error: { code: "validation", details: { formErrors: ["At most 100 tokens per request"] } } });
    const badUrl = await report(ip, [{ token: "kh_x", url: "javascript:alert(1)" }]);
    expect(badUrl.statusCode).toBe(422);
    expect(badUrl.json().error.details.fieldErrors).toBeDefined();
    expect((await report(ip, [{ token: "kh_x", extra: 1 }])).statusCode).toBe(422);
    expect((await report(ip, [{ token: "kh_\u0000" }])).statusCode).toBe(422);
    expect((await report(ip, [])).statusCode).toBe(422);
    expect((await report(ip, "", "text/plain")).statusCode).toBe(422);
    const broken = await report(ip, "[{", "application/json");
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe("malformed_json");
    expect((await report(ip, "token=kh_x", "application/x-www-form-urlencoded")).statusCode).toBe(415);
  });

  it("allows 60 reports per hour from one address, then answers 429 in the error shape", async () => {
    const ip = address();
    // Counted before the body is read, so cheap malformed requests count too.
    for (let i = 0; i < 60; i++) expect((await report(ip, "[", "application/json")).statusCode).toBe(400);
    const refused = await report(ip, [{ token: "kh_x" }]);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(60);
    // Another address is not held back.
    expect((await report(address(), [{ token: "kh_x" }])).statusCode).toBe(202);
  });
});
