import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { seedAuthorizeSubject } from "@/lib/bench/authorize-subject";
import { auditKeyring } from "@/lib/audit/audit-keys";
import { eventHash } from "@/lib/audit/chain";
import { flushRefusals } from "@/lib/audit/refusals";
import { db } from "@/lib/db/client";
import { callApi, createScopedToken, errorCode } from "@/lib/testing/api-call";
import { withWrongLastCharacter } from "@/lib/testing/wrong-token";

// Issue 11 §4–§6 through the API routes: allowlists on Keyhold's own API, introspection's additions,
// POST /api/v1/authorize for every reason, and outside events.

const randomIp = (prefix: string) => `${prefix}.${randomBytes(1)[0]! % 250 + 1}.${randomBytes(1)[0]! % 250 + 1}`;

async function grant(accountId: string, type: string, role: string) {
  const resourceType = await db.resourceType.findUniqueOrThrow({ where: { name: type } });
  const resource = await db.resource.create({ data: { typeId: resourceType.id, name: `res-${randomBytes(4).toString("hex")}` } });
  await db.resourceGrant.create({ data: { serviceAccountId: accountId, resourceId: resource.id, role } });
  return resource.name;
}

describe("IP allowlists on Keyhold's API", () => {
  it("refuse the token from other addresses exactly as an invalid token, counted and aggregated as token.ip_denied", async () => {
    const limited = await createScopedToken("VIEWER", { allowedIps: ["10.0.0.0/8", "2001:db8::/32"] });
    const outside = randomIp("198.51");
    const denied = await callApi("GET", "/api/v1/whoami", { token: limited.value, ip: outside });
    const invalid = await callApi("GET", "/api/v1/whoami", { token: withWrongLastCharacter(limited.value), ip: randomIp("198.51") });
    expect(denied.status).toBe(401);
    expect(denied).toEqual(invalid);

    expect((await callApi("GET", "/api/v1/whoami", { token: limited.value, ip: "10.20.30.40" })).status).toBe(200);
    expect((await callApi("GET", "/api/v1/whoami", { token: limited.value, ip: "2001:db8:1::5" })).status).toBe(200);
    await callApi("GET", "/api/v1/whoami", { token: limited.value, ip: outside });

    // Counted towards the address's failed authentications, as a wrong token would be.
    const [row] = await db.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = ${`api-auth-failure:${outside}`}`;
    expect(row?.points).toBe(2);
    // No usage recorded for a refused request.
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: limited.token.id } })).lastUsedIp).not.toBe(outside);

    await flushRefusals();
    const events = await db.auditEvent.findMany({ where: { action: "token.ip_denied", actorTokenId: limited.token.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "SERVICE_ACCOUNT", actorId: limited.account.id, ip: outside, result: "DENIED", metadata: { reason: "ip_denied", count: 2, status: 401, path: "/api/v1/whoami" } });
  });
});

describe("introspection", () => {
  it("adds scope and RFC 9396 authorization_details; client_ip outside the ranges makes the token inactive", async () => {
    const introspector = await createScopedToken("INTROSPECTOR");
    const subject = await createScopedToken("CONTRIBUTOR", { scopes: ["deploy:write", "service_accounts:read", "audit:read"], allowedIps: ["127.0.0.0/8"] });
    const checkout = await grant(subject.account.id, "application", "developer");
    const introspect = (form: Record<string, string>) => callApi("POST", "/api/v1/introspect", { token: introspector.value, form });

    const active = await introspect({ token: subject.value, client_ip: "127.0.0.1" });
    expect(active.status).toBe(200);
    // audit:read is beyond a CONTRIBUTOR's role: not effective, so not reported.
    expect(active.body).toMatchObject({ active: true, scope: "deploy:write service_accounts:read", authorization_details: [{ type: "application", identifier: checkout, privileges: ["developer"] }], jti: subject.token.id });
    expect(await introspect({ token: subject.value, client_ip: "192.0.2.10" })).toMatchObject({ status: 200, body: { active: false } });
    expect(Object.keys((await introspect({ token: subject.value, client_ip: "192.0.2.10" })).body as object)).toEqual(["active"]);
    // Without client_ip the allowlist is the calling service's business.
    expect((await introspect({ token: subject.value })).body).toMatchObject({ active: true });

    const full = await createScopedToken("CONTRIBUTOR");
    expect((await callApi("POST", "/api/v1/introspect", { token: introspector.value, body: { token: full.value } })).body).toMatchObject({
      scope: "service_accounts:read service_accounts:write tokens:write",
      authorization_details: [],
    });
  });

  it("a client_ip that is not an address is a 422 on the field", async () => {
    const introspector = await createScopedToken("INTROSPECTOR");
    for (const client_ip of ["10.0.0.0/8", "not-an-ip", "10.0.0", "1.2.3.4\u0000", "x".repeat(70)]) {
      const reply = await callApi("POST", "/api/v1/introspect", { token: introspector.value, form: { token: introspector.value, client_ip } });
      expect(reply.status, client_ip).toBe(422);
      expect((reply.body as { error: { details: { fieldErrors: object } } }).error.details.fieldErrors).toHaveProperty("client_ip");
    }
  });
});

describe("POST /api/v1/authorize", () => {
  it("answers every reason code, and audits the denials as aggregates keyed by token and reason", async () => {
    const caller = await createScopedToken("INTROSPECTOR");
    const subject = await createScopedToken("CONTRIBUTOR", { scopes: ["deploy:write"], allowedIps: ["10.0.0.0/8"] });
    const app = await grant(subject.account.id, "application", "developer");
    const ask = (body: object) => callApi("POST", "/api/v1/authorize", { token: caller.value, body: { token: subject.value, ...body } });
    const answer = async (body: object) => (await ask(body)).body;
    const resource = (privilege: string, identifier = app) => ({ type: "application", identifier, privilege });

    expect(await answer({ scope: "deploy:write", resource: resource("viewer"), client_ip: "10.0.0.7" })).toEqual({ allowed: true, reason: "ok", subject: subject.account.id });
    expect(await answer({ token: "kh_not-a-token" })).toEqual({ allowed: false, reason: "inactive", subject: null });
    expect(await answer({ client_ip: "192.0.2.1", scope: "nope:nope" })).toEqual({ allowed: false, reason: "ip_denied", subject: subject.account.id });
    expect(await answer({ scope: "deploy:write registry:pull" })).toEqual({ allowed: false, reason: "scope_missing", subject: subject.account.id });
    expect(await answer({ resource: resource("owner") })).toEqual({ allowed: false, reason: "no_grant", subject: subject.account.id });
    expect(await answer({ resource: resource("admin") })).toMatchObject({ reason: "no_grant" });
    expect(await answer({ resource: { type: "unknown-type", identifier: app, privilege: "viewer" } })).toMatchObject({ reason: "no_grant" });
    expect(await answer({ resource: resource("owner") })).toMatchObject({ reason: "no_grant" });

    // Form-encoded, the resource's fields are resource[type], resource[identifier], resource[privilege].
    const form = await callApi("POST", "/api/v1/authorize", {
      token: caller.value,
      form: { token: subject.value, scope: "deploy:write", "resource[type]": "application", "resource[identifier]": app, "resource[privilege]": "developer", client_ip: "10.1.1.1" },
    });
    expect(form).toMatchObject({ status: 200, body: { allowed: true, reason: "ok" } });

    // A revoked token is inactive at once (the cached lookup is evicted by the epoch).
    await db.apiToken.update({ where: { id: subject.token.id }, data: { revokedAt: new Date() } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await answer({})).toEqual({ allowed: false, reason: "inactive", subject: null });

    await flushRefusals();
    const denials = await db.auditEvent.findMany({ where: { action: "token.authorize_denied", actorTokenId: subject.token.id }, orderBy: { id: "asc" } });
    const byReason = Object.fromEntries(denials.map((e) => [(e.metadata as { reason: string }).reason, (e.metadata as { count: number }).count]));
    expect(byReason).toEqual({ ip_denied: 1, scope_missing: 1, no_grant: 4 });
    expect(denials[0]).toMatchObject({ actorType: "SERVICE_ACCOUNT", actorId: subject.account.id, result: "DENIED", metadata: { callerId: caller.account.id } });
    const inactive = await db.auditEvent.findMany({ where: { action: "token.authorize_denied", actorTokenId: caller.token.id } });
    expect(inactive.map((e) => e.metadata)).toEqual([expect.objectContaining({ reason: "inactive", count: 2 })]);
  });

  it("answers bench:api's question (5 custom scopes, 20 grants) with ok, so the benchmark measures a yes", async () => {
    const caller = await createScopedToken("INTROSPECTOR");
    const subject = await createScopedToken("CONTRIBUTOR");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const form = await seedAuthorizeSubject(client, subject.value, subject.account.name).finally(() => client.end());
    const reply = await callApi("POST", "/api/v1/authorize", { token: caller.value, form: Object.fromEntries(new URLSearchParams(form)) });
    expect(reply.body).toEqual({ allowed: true, reason: "ok", subject: subject.account.id });
    expect((await db.resourceGrant.count({ where: { serviceAccountId: subject.account.id } }))).toBe(20);
  });

  it("is for INTROSPECTOR and ADMIN tokens holding tokens:introspect", async () => {
    const subject = await createScopedToken("VIEWER");
    const asks = async (role: Parameters<typeof createScopedToken>[0], scopes: string[] | null = null) => {
      const caller = await createScopedToken(role, { scopes });
      const reply = await callApi("POST", "/api/v1/authorize", { token: caller.value, body: { token: subject.value } });
      return reply.status === 200 ? "ok" : errorCode(reply);
    };
    expect(await asks("ADMIN")).toBe("ok");
    expect(await asks("INTROSPECTOR", ["tokens:introspect"])).toBe("ok");
    expect(await asks("INTROSPECTOR", ["audit:write"])).toBe("insufficient_scope");
    expect(await asks("CONTRIBUTOR")).toBe("forbidden");
    expect(await asks("AUDITOR")).toBe("forbidden");
  });

  it("answers 422, never 500, to malformed questions", async () => {
    const caller = await createScopedToken("INTROSPECTOR");
    const bodies: unknown[] = [
      {},
      [],
      "token",
      { token: "x", scope: "UPPER:case" },
      { token: "x", scope: 7 },
      { token: "x", resource: { type: "application", identifier: "checkout" } },
      { token: "x", resource: { type: "application", identifier: "checkout", privilege: "viewer", extra: 1 } },
      { token: "x", resource: "application/checkout" },
      { token: "x", client_ip: "300.1.1.1" },
      { token: "x", unknown: true },
      // An own "__proto__" key is an unknown key like any other, not a prototype for the body.
      JSON.parse('{"token": "x", "__proto__": {"client_ip": "10.0.0.1"}}') as object,
      { token: "x\u0000" },
      { token: "x", scope: Array.from({ length: 21 }, (_, i) => `s${i}`).join(" ") },
    ];
    for (const body of bodies) expect((await callApi("POST", "/api/v1/authorize", { token: caller.value, body })).status, JSON.stringify(body)).toBe(422);
    const form = await callApi("POST", "/api/v1/authorize", { token: caller.value, form: { token: "x", "resource[type]": "application" } });
    expect(form.status).toBe(422);
  });
});

describe("outside events: POST /api/v1/audit-events", () => {
  it("records the event with the token's account as actor and the reporter as source, chained", async () => {
    const reporter = await createScopedToken("INTROSPECTOR", { scopes: ["audit:write"] });
    const acting = await createScopedToken("CONTRIBUTOR");
    const reply = await callApi("POST", "/api/v1/audit-events", {
      token: reporter.value,
      body: { token: acting.value, action: "ext.deployer.released", target: { type: "application", id: "checkout", name: "Checkout" }, result: "success", metadata: { version: "1.4.2", env: { name: "production" } } },
    });
    expect(reply.status).toBe(201);
    const { id } = reply.body as { id: string };
    const event = await db.auditEvent.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(event).toMatchObject({
      action: "ext.deployer.released",
      actorType: "SERVICE_ACCOUNT",
      actorId: acting.account.id,
      actorName: acting.account.name,
      actorTokenId: acting.token.id,
      targetType: "application",
      targetId: "checkout",
      targetName: "Checkout",
      result: "SUCCESS",
      metadata: { source: { type: "SERVICE_ACCOUNT", id: reporter.account.id, name: reporter.account.name, tokenId: reporter.token.id }, details: { version: "1.4.2", env: { name: "production" } } },
    });
    // Chained like every event: its hash covers the source, and editing the source breaks it.
    const { current } = auditKeyring();
    expect(eventHash(event.prevHash, event, current.key)).toBe(event.hash);
    const forged = { ...event, metadata: { ...(event.metadata as object), source: { id: "someone-else" } } };
    expect(eventHash(event.prevHash, forged, current.key)).not.toBe(event.hash);

    // By token id, also of a revoked token (a report may arrive late); denied and failure results.
    await db.apiToken.update({ where: { id: acting.token.id }, data: { revokedAt: new Date() } });
    const late = await callApi("POST", "/api/v1/audit-events", { token: reporter.value, body: { tokenId: acting.token.id, action: "ext.registry.pull_refused", result: "denied" } });
    expect(late.status).toBe(201);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: BigInt((late.body as { id: string }).id) } })).toMatchObject({ actorId: acting.account.id, result: "DENIED", targetId: null });

    // The Audit Log's filter (and so its exports) finds outside events with ext.*.
    const listed = await callApi("GET", "/api/v1/audit-events", { token: (await createScopedToken("AUDITOR")).value, query: { action: "ext.*", limit: "100" } });
    const actions = (listed.body as { data: { action: string; id: string }[] }).data;
    expect(actions.map((e) => e.id)).toEqual(expect.arrayContaining([id]));
    expect(actions.every((e) => e.action.startsWith("ext."))).toBe(true);
  });

  it("names the field: unknown token, unknown tokenId, both, neither, bad action, metadata", async () => {
    const reporter = await createScopedToken("ADMIN");
    const acting = await createScopedToken("VIEWER");
    const fieldOf = async (body: Record<string, unknown>) => {
      const reply = await callApi("POST", "/api/v1/audit-events", { token: reporter.value, body: { action: "ext.ci.ran", result: "success", ...body } });
      expect(reply.status, JSON.stringify(body).slice(0, 100)).toBe(422);
      return Object.keys((reply.body as { error: { details: { fieldErrors: object } } }).error.details.fieldErrors);
    };
    expect(await fieldOf({ token: "kh_unknown" })).toEqual(["token"]);
    expect(await fieldOf({ tokenId: "00000000-0000-4000-8000-000000000000" })).toEqual(["tokenId"]);
    expect(await fieldOf({ tokenId: "not-a-uuid" })).toEqual(["tokenId"]);
    expect(await fieldOf({})).toEqual(["token"]);
    expect(await fieldOf({ token: acting.value, tokenId: acting.token.id })).toEqual(["tokenId"]);
    for (const action of ["deployer.released", "ext.Deployer.released", "ext.deployer", "ext.a.b.c", `ext.${"a".repeat(41)}.x`, "ext.ci.ran\u0000", "ext..x", "ext.1ci.ran"]) {
      expect(await fieldOf({ token: acting.value, action })).toEqual(["action"]);
    }
    expect(await fieldOf({ token: acting.value, result: "SUCCESS" })).toEqual(["result"]);
    expect(await fieldOf({ token: acting.value, metadata: { note: "line\nbreak" } })).toEqual(["metadata"]);
    expect(await fieldOf({ token: acting.value, metadata: { "k\u0007": 1 } })).toEqual(["metadata"]);
    expect(await fieldOf({ token: acting.value, metadata: { big: "x".repeat(5000) } })).toEqual(["metadata"]);
    expect(await fieldOf({ token: acting.value, metadata: { a: { b: { c: { d: { e: { f: 1 } } } } } } })).toEqual(["metadata"]);
    expect(await fieldOf({ token: acting.value, metadata: ["not", "an", "object"] })).toEqual(["metadata"]);
    expect(await fieldOf({ token: acting.value, target: { type: "app" } })).toEqual(["target"]);
  });

  it("needs audit.write (INTROSPECTOR, ADMIN) and the audit:write scope", async () => {
    const acting = await createScopedToken("VIEWER");
    const reports = async (role: Parameters<typeof createScopedToken>[0], scopes: string[] | null = null) => {
      const reporter = await createScopedToken(role, { scopes });
      const reply = await callApi("POST", "/api/v1/audit-events", { token: reporter.value, body: { token: acting.value, action: "ext.ci.ran", result: "success" } });
      return reply.status === 201 ? "ok" : errorCode(reply);
    };
    expect(await reports("INTROSPECTOR")).toBe("ok");
    expect(await reports("ADMIN", ["audit:write"])).toBe("ok");
    expect(await reports("INTROSPECTOR", ["tokens:introspect"])).toBe("insufficient_scope");
    expect(await reports("AUDITOR")).toBe("forbidden");
    expect(await reports("CONTRIBUTOR")).toBe("forbidden");
  });
});
