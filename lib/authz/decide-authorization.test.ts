import { describe, expect, it } from "vitest";
import type { AuthenticatedToken } from "@/lib/api/authenticate-token";
import { decideAuthorization, type AuthorizeQuery } from "./decide-authorization";

// The pure decision behind POST /api/v1/authorize, over facts as the cached token lookup carries them.

const APP = ["viewer", "developer", "owner"];
function facts({ role = "CONTRIBUTOR", scopes = ["deploy:write", "service_accounts:read"], allowedIps = ["10.0.0.0/8"] }: { role?: "CONTRIBUTOR" | "VIEWER"; scopes?: string[] | null; allowedIps?: string[] } = {}): AuthenticatedToken {
  return {
    actor: { type: "SERVICE_ACCOUNT", id: "acc-1", name: "ci", role, ownerId: "u-1", tokenId: "tok-1", scopes },
    token: { id: "tok-1", publicId: "p", hint: "h", createdAt: new Date(0), expiresAt: null, allowedIps },
    grants: [
      { type: "application", resource: "checkout", role: "developer", typeRoles: APP },
      { type: "environment-type", resource: "production", role: "deployer", typeRoles: ["deployer"] },
    ],
  };
}
const ask = (query: AuthorizeQuery, found: AuthenticatedToken | null = facts()) => decideAuthorization(found, query);
const resource = (identifier: string, privilege: string, type = "application") => ({ type, identifier, privilege });

describe("decideAuthorization", () => {
  it("answers ok with the account as subject when everything asked holds", () => {
    expect(ask({ scopes: ["deploy:write"], resource: resource("checkout", "developer"), clientIp: "10.1.2.3" })).toEqual({ allowed: true, reason: "ok", subject: "acc-1" });
    expect(ask({})).toEqual({ allowed: true, reason: "ok", subject: "acc-1" });
  });

  it("checks in order: inactive, ip_denied, scope_missing, no_grant", () => {
    const everythingWrong = { scopes: ["registry:pull"], resource: resource("payments", "owner"), clientIp: "192.0.2.1" };
    expect(ask(everythingWrong, null)).toEqual({ allowed: false, reason: "inactive", subject: null });
    expect(ask(everythingWrong)).toEqual({ allowed: false, reason: "ip_denied", subject: "acc-1" });
    expect(ask({ ...everythingWrong, clientIp: "10.0.0.1" })).toMatchObject({ reason: "scope_missing" });
    expect(ask({ ...everythingWrong, clientIp: "10.0.0.1", scopes: ["deploy:write"] })).toMatchObject({ reason: "no_grant" });
  });

  it("a higher role of the type satisfies a lower privilege, never the reverse", () => {
    expect(ask({ resource: resource("checkout", "viewer") }).reason).toBe("ok");
    expect(ask({ resource: resource("checkout", "developer") }).reason).toBe("ok");
    expect(ask({ resource: resource("checkout", "owner") }).reason).toBe("no_grant");
    expect(ask({ resource: resource("production", "deployer", "environment-type") }).reason).toBe("ok");
  });

  it("a privilege the type lacks, an unknown type and another resource are no_grant", () => {
    expect(ask({ resource: resource("checkout", "admin") }).reason).toBe("no_grant");
    expect(ask({ resource: resource("checkout", "developer", "database") }).reason).toBe("no_grant");
    expect(ask({ resource: resource("payments", "viewer") }).reason).toBe("no_grant");
    // The privilege of one type does not carry to another type's resource of the same name.
    expect(ask({ resource: resource("production", "deployer") }).reason).toBe("no_grant");
  });

  it("every requested scope must be held; full access holds the role's built-in scopes only", () => {
    expect(ask({ scopes: ["deploy:write", "service_accounts:read"] }).reason).toBe("ok");
    expect(ask({ scopes: ["deploy:write", "audit:read"] }).reason).toBe("scope_missing");
    const full = facts({ scopes: null });
    expect(ask({ scopes: ["service_accounts:write", "tokens:write"] }, full).reason).toBe("ok");
    expect(ask({ scopes: ["deploy:write"] }, full).reason).toBe("scope_missing");
    expect(ask({ scopes: ["audit:read"] }, full).reason).toBe("scope_missing");
    // A built-in scope on the token beyond its role is not effective.
    expect(ask({ scopes: ["service_accounts:write"] }, facts({ role: "VIEWER", scopes: ["service_accounts:write"] })).reason).toBe("scope_missing");
  });

  it("without allowed ranges any client address passes; with them an unparsable one does not", () => {
    expect(ask({ clientIp: "2001:db8::1" }, facts({ allowedIps: [] })).reason).toBe("ok");
    expect(ask({ clientIp: "::ffff:10.9.9.9" }).reason).toBe("ok");
    expect(ask({ clientIp: "2001:db8::1" }).reason).toBe("ip_denied");
  });
});
