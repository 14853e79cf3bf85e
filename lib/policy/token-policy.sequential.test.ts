// Changes the organisation's token policy, which every other test's token creation obeys: runs alone (vitest.config.ts).
import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { contextFor, createTestServiceAccount, createTestUser } from "@/lib/testing/factories";
import { findTokensOutsidePolicy } from "./find-tokens-outside-policy";
import { allowsNever, expiryViolation, loadTokenPolicy, setTokenPolicy } from "./token-policy";
import { DEFAULT_TOKEN_POLICY, tokenPolicySchema, type TokenPolicy } from "./token-policy-schema";

const DAY = 86_400_000;
const policy = (overrides: Partial<TokenPolicy> = {}): TokenPolicy => ({ ...DEFAULT_TOKEN_POLICY, ...overrides, maxLifetimeDays: { ...DEFAULT_TOKEN_POLICY.maxLifetimeDays, ...overrides.maxLifetimeDays } });

describe("token policy", () => {
  const now = new Date("2027-01-01T00:00:00Z");

  it("allows anything by default", () => {
    expect(expiryViolation(DEFAULT_TOKEN_POLICY, "ADMIN", null, now)).toBeNull();
    expect(expiryViolation(DEFAULT_TOKEN_POLICY, "ADMIN", new Date(now.getTime() + 3000 * DAY), now)).toBeNull();
    expect(allowsNever(DEFAULT_TOKEN_POLICY, "ADMIN")).toBe(true);
  });

  it("requires an expiry, and caps a role's lifetime from when the token is made", () => {
    const strict = policy({ requireExpiry: true, maxLifetimeDays: { ADMIN: 30 } as TokenPolicy["maxLifetimeDays"] });
    expect(expiryViolation(strict, "VIEWER", null, now)).toMatch(/requires an expiry/);
    expect(expiryViolation(strict, "VIEWER", new Date(now.getTime() + 3000 * DAY), now)).toBeNull();
    expect(expiryViolation(strict, "ADMIN", new Date(now.getTime() + 30 * DAY), now)).toBeNull();
    expect(expiryViolation(strict, "ADMIN", new Date(now.getTime() + 31 * DAY), now)).toMatch(/at most 30 days \(until 2027-01-31 00:00 UTC\)/);
    const capped = policy({ maxLifetimeDays: { VIEWER: 7 } as TokenPolicy["maxLifetimeDays"] });
    expect(allowsNever(capped, "VIEWER")).toBe(false);
    expect(allowsNever(capped, "ADMIN")).toBe(true);
    expect(expiryViolation(capped, "VIEWER", null, now)).toMatch(/at most 7 days: choose an expiry/);
  });

  it("refuses a policy that requires an expiry but defaults to never, and bad ranges and lifetimes", () => {
    const fieldsWithErrors = (input: unknown) => Object.keys(tokenPolicySchema.safeParse(input).error?.flatten().fieldErrors ?? {}).sort();
    expect(fieldsWithErrors({ ...DEFAULT_TOKEN_POLICY, requireExpiry: true, defaultExpiration: "never" })).toEqual(["defaultExpiration"]);
    expect(fieldsWithErrors({ ...DEFAULT_TOKEN_POLICY, defaultAllowedIps: ["10.0.0.0/8", "nope"], maxLifetimeDays: { ADMIN: 0 } })).toEqual(["defaultAllowedIps", "maxLifetimeDays"]);
    expect(fieldsWithErrors({ ...DEFAULT_TOKEN_POLICY, maxLifetimeDays: { ADMIN: 1.5, VIEWER: 3651 } })).toEqual(["maxLifetimeDays"]);
  });

  it("is saved by an owner, audited with before and after, and read back", async () => {
    const context = await contextFor("OWNER");
    const saved = policy({ requireExpiry: true, defaultExpiration: "30", defaultAllowedIps: ["10.0.0.0/8"], maxLifetimeDays: { INTROSPECTOR: 90 } as TokenPolicy["maxLifetimeDays"] });
    await setTokenPolicy(saved, context);
    expect(await loadTokenPolicy()).toEqual(saved);
    const event = await db.auditEvent.findFirst({ where: { action: "settings.changed", actorId: context.actor.id }, orderBy: { id: "desc" } });
    expect(event?.metadata).toMatchObject({ setting: "tokens.policy", after: { requireExpiry: true, defaultExpiration: "30" } });
    await setTokenPolicy(DEFAULT_TOKEN_POLICY, context);
    expect(await loadTokenPolicy()).toEqual(DEFAULT_TOKEN_POLICY);
  });

  it("lists live tokens outside the policy, and not those within it or no longer live", async () => {
    const owner = await createTestUser();
    const tooLong = await createTestServiceAccount(owner.id, { role: "AUDITOR", expiresAt: new Date(Date.now() + 30 * DAY) });
    const never = await createTestServiceAccount(owner.id, { role: "AUDITOR", expiresAt: null });
    const within = await createTestServiceAccount(owner.id, { role: "AUDITOR", expiresAt: new Date(Date.now() + DAY / 2) });
    const revoked = await createTestServiceAccount(owner.id, { role: "AUDITOR", expiresAt: null });
    await db.apiToken.update({ where: { id: revoked.token.id }, data: { revokedAt: new Date() } });
    const otherRole = await createTestServiceAccount(owner.id, { role: "VIEWER", expiresAt: null });

    const { tokens: found, total } = await findTokensOutsidePolicy(policy({ maxLifetimeDays: { AUDITOR: 1 } as TokenPolicy["maxLifetimeDays"] }));
    expect(total).toBeGreaterThanOrEqual(2);
    const reasons = new Map(found.map((token) => [token.id, token.reason]));
    expect(reasons.get(tooLong.token.id)).toBe("too_long");
    expect(reasons.get(never.token.id)).toBe("no_expiry");
    for (const token of [within, revoked, otherRole]) expect(reasons.has(token.token.id)).toBe(false);
    const { tokens: required } = await findTokensOutsidePolicy(policy({ requireExpiry: true }));
    expect(required.map((token) => token.id)).toContain(otherRole.token.id);
    expect(required.map((token) => token.id)).not.toContain(tooLong.token.id);
  });

  it("is enforced when an account is created with its first token", async () => {
    const owner = await contextFor("OWNER");
    await setTokenPolicy(policy({ requireExpiry: true, defaultExpiration: "30", maxLifetimeDays: { VIEWER: 30 } as TokenPolicy["maxLifetimeDays"] }), owner);
    try {
      const admin = await contextFor("ADMIN");
      const create = (input: Record<string, unknown>) =>
        runAction(serviceAccountActions.create, { name: `policy-${Math.random().toString(36).slice(2, 10)}`, role: "VIEWER", ...input }, admin.actor, admin.meta);
      const never = await create({ expiration: "never" });
      expect(!never.ok && never.error.fieldErrors).toEqual({ expiration: ["The token policy allows VIEWER tokens at most 30 days: choose an expiry"] });
      const tooLong = await create({ expiration: "90" });
      expect(!tooLong.ok && tooLong.error.fieldErrors?.expiration?.[0]).toMatch(/at most 30 days/);
      const custom = await create({ expiration: "custom", customExpiresAt: new Date(Date.now() + 40 * DAY).toISOString() });
      expect(!custom.ok && Object.keys(custom.error.fieldErrors ?? {})).toEqual(["customExpiresAt"]);
      expect((await create({ expiration: "30" })).ok).toBe(true);
      const admins = await create({ expiration: "never", role: "ADMIN" });
      expect(!admins.ok && admins.error.fieldErrors?.expiration?.[0]).toMatch(/requires an expiry/);
    } finally {
      await setTokenPolicy(DEFAULT_TOKEN_POLICY, owner);
    }
  });

  it("is enforced when a token is added or rotated, and a rotation keeping the same lifetime is brought within it", async () => {
    const owner = await contextFor("OWNER");
    await setTokenPolicy(policy({ requireExpiry: true, defaultExpiration: "30", maxLifetimeDays: { CONTRIBUTOR: 10 } as TokenPolicy["maxLifetimeDays"] }), owner);
    try {
      const admin = await contextFor("ADMIN");
      const run = <T>(definition: Parameters<typeof runAction>[0], input: unknown) => runAction(definition, input, admin.actor, admin.meta) as Promise<Awaited<ReturnType<typeof runAction>> & { data?: T }>;
      const { account, token } = await createTestServiceAccount(admin.actor.id, { role: "CONTRIBUTOR", expiresAt: null });
      const add = (expiresAt: string | null) => run(serviceAccountActions.addToken, { serviceAccountId: account.id, name: `t${Math.random().toString(36).slice(2, 8)}`, expiresAt });
      const never = await add(null);
      expect(!never.ok && never.error.fieldErrors?.expiresAt?.[0]).toMatch(/at most 10 days: choose an expiry/);
      const tooLong = await add(new Date(Date.now() + 11 * DAY).toISOString());
      expect(!tooLong.ok && tooLong.error.fieldErrors?.expiresAt?.[0]).toMatch(/at most 10 days/);
      expect((await add(new Date(Date.now() + 9 * DAY).toISOString())).ok).toBe(true);

      // The old token never expired; the same lifetime again would be "never": it gets the role's maximum instead.
      const rotated = await run<{ id: string; expiresAt: string | null }>(serviceAccountActions.rotateToken, { tokenId: token.id, previousTokenExpiresAt: null });
      expect(rotated.ok).toBe(true);
      const expiresAt = Date.parse((rotated.data as { expiresAt: string }).expiresAt);
      expect(Math.abs(expiresAt - (Date.now() + 10 * DAY))).toBeLessThan(60_000);
      const chosen = await run(serviceAccountActions.rotateToken, { tokenId: (rotated.data as { id: string }).id, previousTokenExpiresAt: null, expiresAt: null });
      expect(!chosen.ok && chosen.error.fieldErrors?.expiresAt?.[0]).toMatch(/at most 10 days/);
    } finally {
      await setTokenPolicy(DEFAULT_TOKEN_POLICY, owner);
    }
  });
});
