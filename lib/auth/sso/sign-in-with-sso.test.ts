import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { flushRefusals } from "@/lib/audit/refusals";
import { db } from "@/lib/db/client";
import { createTestUser, eventsFor, testMeta } from "@/lib/testing/factories";
import { signInWithSso } from "./sign-in-with-sso";
import type { SsoConfig } from "./sso-config";

const roleMap = [
  { group: "keyhold-admins", role: "ADMIN" },
  { group: "keyhold-auditors", role: "AUDITOR" },
] as const;
const config: SsoConfig = { issuer: "https://idp.example.com", clientId: "keyhold", clientSecret: "secret", name: "SSO", scope: "openid", roleClaim: "groups", roleMap, allowedDomains: ["sso.test", "example.test"] };
const ssoEmail = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}@sso.test`;
const claims = (email: string, groups: string[], more: Record<string, unknown> = {}) => ({ sub: `sub-${email}`, email, email_verified: true, name: "Ada Lovelace", groups, ...more });

describe("signInWithSso", () => {
  it("creates the user on first sign-in with the mapped role, opens a session and audits both by SSO", async () => {
    const email = ssoEmail("ada");
    const meta = testMeta();
    const outcome = await signInWithSso(claims(email.toUpperCase(), ["staff", "keyhold-admins"]), meta, config);
    expect(outcome).toMatchObject({ ok: true, user: { email, name: "Ada Lovelace" } });
    if (!outcome.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ id: outcome.user.id, role: "ADMIN", status: "ACTIVE" });
    expect(user.lastSignInAt).not.toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: outcome.user.sessionId } })).toMatchObject({ userId: user.id, revokedAt: null, ip: meta.ip });
    const events = await eventsFor(user.id);
    expect(events.map((e) => [e.action, e.actorType, e.actorName])).toEqual([
      ["user.created", "SYSTEM", "SSO"],
      ["user.signed_in", "USER", `Ada Lovelace <${email}>`],
    ]);
    expect(events[0]!.metadata).toMatchObject({ after: { email, role: "ADMIN" }, method: "sso" });
    expect(events[1]!.metadata).toEqual({ sessionId: outcome.user.sessionId, method: "sso" });
  });

  it("changes the role when the groups changed (audited by SSO), and leaves it when they did not", async () => {
    const email = ssoEmail("grace");
    await signInWithSso(claims(email, ["keyhold-admins"]), testMeta(), config);
    const again = await signInWithSso(claims(email, ["keyhold-admins"]), testMeta(), config);
    const changed = await signInWithSso(claims(email, ["keyhold-auditors"]), testMeta(), config);
    const dropped = await signInWithSso(claims(email, []), testMeta(), config);
    expect([again.ok, changed.ok, dropped.ok]).toEqual([true, true, true]);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("VIEWER");
    const changes = (await eventsFor(user.id)).filter((e) => e.action === "user.role_changed");
    expect(changes.map((e) => [e.actorName, e.metadata])).toEqual([
      ["SSO", { before: { role: "ADMIN" }, after: { role: "AUDITOR" }, method: "sso", claim: "groups" }],
      ["SSO", { before: { role: "AUDITOR" }, after: { role: "VIEWER" }, method: "sso", claim: "groups" }],
    ]);
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(4);
  });

  it("signs an existing password user in by email, and never changes an OWNER's role", async () => {
    const owner = await createTestUser({ role: "OWNER", email: ssoEmail("owner") });
    const outcome = await signInWithSso(claims(owner.email, ["keyhold-auditors"]), testMeta(), config);
    expect(outcome).toMatchObject({ ok: true, user: { id: owner.id } });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe("OWNER");
    expect((await eventsFor(owner.id)).map((e) => e.action)).toEqual(["user.signed_in"]);
  });

  it("refuses a disabled user, a domain not allowed, an unverified or missing email: no user, no session, each recorded", async () => {
    const disabled = await createTestUser({ status: "DISABLED", email: ssoEmail("gone") });
    const stranger = `eve-${randomBytes(4).toString("hex")}@evil.test`;
    const unverified = ssoEmail("unverified");
    const ip = `192.0.2.${randomBytes(1)[0]! % 250}-${randomBytes(3).toString("hex")}`;
    const meta = testMeta({ ip });
    const outcomes = [
      await signInWithSso(claims(disabled.email, ["keyhold-admins"]), meta, config),
      await signInWithSso(claims(stranger, ["keyhold-admins"]), meta, config),
      await signInWithSso(claims(`eve@sso.test.evil.test`, []), meta, config),
      await signInWithSso(claims(unverified, [], { email_verified: false }), meta, config),
      await signInWithSso(claims("not an email", []), meta, config),
      await signInWithSso({ sub: "no-email" }, meta, config),
    ];
    expect(outcomes.map((o) => !o.ok && o.reason)).toEqual(["disabled", "domain_not_allowed", "domain_not_allowed", "email_unverified", "email_missing", "email_missing"]);
    expect(await db.user.count({ where: { email: { in: [stranger, unverified] } } })).toBe(0);
    expect(await db.userSession.count({ where: { userId: disabled.id } })).toBe(0);
    await flushRefusals();
    const refused = await db.auditEvent.findMany({ where: { action: "user.sign_in_failed", ip } });
    expect(refused.map((e) => [(e.metadata as { reason: string }).reason, (e.metadata as { count: number }).count]).sort()).toEqual([
      ["disabled", 1],
      ["sso_domain_not_allowed", 2],
      ["sso_email_missing", 2],
      ["sso_email_unverified", 1],
    ]);
  });

  it("accepts any domain when no allowlist is set, and a provider that says nothing of verification", async () => {
    const email = `free-${randomBytes(4).toString("hex")}@elsewhere.test`;
    const outcome = await signInWithSso({ email, groups: "keyhold-auditors" }, testMeta(), { ...config, allowedDomains: [] });
    expect(outcome).toMatchObject({ ok: true, user: { email, name: email.split("@")[0] } });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).role).toBe("AUDITOR");
  });

  it("creates one user when the same person's first two sign-ins race", async () => {
    const email = ssoEmail("twice");
    const outcomes = await Promise.all([signInWithSso(claims(email, []), testMeta(), config), signInWithSso(claims(email, []), testMeta(), config)]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect((await eventsFor(user.id)).filter((e) => e.action === "user.created")).toHaveLength(1);
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(2);
  });
});
