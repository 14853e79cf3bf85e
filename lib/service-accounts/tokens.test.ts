import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import type { ServiceAccountActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { actorOf, createTestServiceAccount, createTestUser, eventsFor, testMeta } from "@/lib/testing/factories";
import { hashToken } from "@/lib/tokens/token-format";
import { serviceAccountActions as actions } from "./action-definitions";
import { findAccountTokens } from "./find-tokens";

const DAY = 86_400_000;
const unwrap = <T>(result: { ok: true; data: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(`action refused: ${JSON.stringify(result.error)}`);
  return result.data;
};
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const random = () => Math.random().toString(36).slice(2, 8);

async function setup(role: "ADMIN" | "CONTRIBUTOR" | "VIEWER" = "CONTRIBUTOR", expiresAt: Date | null = null) {
  const user = await createTestUser({ role: "ADMIN" });
  const actor = actorOf(user);
  const { account, token } = await createTestServiceAccount(user.id, { role, expiresAt });
  const add = (input: Record<string, unknown>, by = actor as Parameters<typeof runAction>[2]) => runAction(actions.addToken, { serviceAccountId: account.id, ...input }, by, testMeta());
  return { user, actor, account, first: token, add };
}

describe("several tokens per account", () => {
  it("adds a named token with scopes and ranges, audited with them; the value is returned once and stored as a hash", async () => {
    const { actor, account, add } = await setup();
    const added = unwrap(await add({ name: "deploy", description: "CI deploys", scopes: ["service_accounts:read"], allowedIps: ["10.1.2.3/8", "127.0.0.1"], expiresAt: inDays(10) }));
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: added.id } });
    expect(stored).toMatchObject({ name: "deploy", description: "CI deploys", fullAccess: false, scopes: ["service_accounts:read"], allowedIps: ["10.0.0.0/8", "127.0.0.1/32"], secretHash: hashToken(added.value) });
    const created = (await eventsFor(account.id)).find((e) => e.action === "token.created");
    expect(created?.metadata).toMatchObject({ tokenId: added.id, name: "deploy", scopes: ["service_accounts:read"], allowedIps: ["10.0.0.0/8", "127.0.0.1/32"] });
    expect(JSON.stringify(created?.metadata)).not.toContain(added.value);
    const listed = await findAccountTokens(actor, account.id);
    expect(listed?.tokens.map((t) => [t.name, t.primary, t.scopes])).toEqual([
      ["default", true, null],
      ["deploy", false, ["service_accounts:read"]],
    ]);
  });

  it("keeps Token IDs unique, regardless of case, among live tokens only", async () => {
    const { actor, add } = await setup();
    const taken = await add({ name: "DEFAULT" });
    expect(taken).toMatchObject({ ok: false, error: { code: "conflict", fieldErrors: { name: [expect.stringContaining("Token ID")] } } });
    const ci = unwrap(await add({ name: "ci" }));
    unwrap(await runAction(actions.revoke, { tokenId: ci.id }, actor, testMeta()));
    expect((await add({ name: "CI" })).ok).toBe(true); // a revoked token's ID is free again
    await db.apiToken.updateMany({ where: { name: "CI" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await add({ name: "ci" })).ok).toBe(true); // and an expired one's
  });

  it("refuses scopes the role does not reach, unknown or archived custom scopes, and bad ranges, per entry", async () => {
    const { add } = await setup("VIEWER");
    const archived = `old:${random()}`;
    await db.scope.create({ data: { name: archived, archivedAt: new Date() } });
    const result = await add({ name: "x", scopes: ["service_accounts:read", "audit:read", `nope:${random()}`, archived] });
    expect(result).toMatchObject({ ok: false, error: { code: "validation" } });
    const errors = (result as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors;
    expect(errors["scopes.1"]).toEqual(["The VIEWER role does not allow audit:read"]);
    expect(errors["scopes.2"]?.[0]).toMatch(/^Unknown scope/);
    expect(errors["scopes.3"]?.[0]).toMatch(/archived/);
    expect(errors["scopes.0"]).toBeUndefined();
    expect(await add({ name: "x", allowedIps: ["10.0.0.0/8", "not-an-ip"] })).toMatchObject({ ok: false, error: { fieldErrors: { allowedIps: [expect.stringContaining("not-an-ip")] } } });
    expect(await add({ name: "x", scopes: [] })).toMatchObject({ ok: false, error: { fieldErrors: { scopes: [expect.any(String)] } } });
  });

  it("lets only an actor holding a custom scope's minimum role give it", async () => {
    const { user, account } = await setup();
    const scope = `registry:${random()}`;
    await db.scope.create({ data: { name: scope, minimumRole: "ADMIN" } });
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    await db.serviceAccount.update({ where: { id: account.id }, data: { ownerId: contributor.id } });
    const refused = await runAction(actions.addToken, { serviceAccountId: account.id, name: "r", scopes: [scope] }, actorOf(contributor), testMeta());
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden", fieldErrors: { scopes: [expect.stringContaining("ADMIN")] } } });
    expect((await runAction(actions.addToken, { serviceAccountId: account.id, name: "r", scopes: [scope] }, actorOf(user), testMeta())).ok).toBe(true);
  });

  it("rotates one token: same Token ID, description, scopes and ranges; the old one kept until the chosen time; expiry from the one rule", async () => {
    const { actor, account, add } = await setup();
    const token = unwrap(await add({ name: "ci", description: "d", scopes: ["tokens:write"], allowedIps: ["127.0.0.1"], expiresAt: inDays(30) }));
    const grace = inDays(1);
    const same = unwrap(await runAction(actions.rotateToken, { tokenId: token.id, previousTokenExpiresAt: grace }, actor, testMeta()));
    const fresh = await db.apiToken.findUniqueOrThrow({ where: { id: same.id } });
    expect(fresh).toMatchObject({ name: "ci", description: "d", fullAccess: false, scopes: ["tokens:write"], allowedIps: ["127.0.0.1/32"] });
    expect(Math.abs(fresh.expiresAt!.getTime() - (Date.now() + 30 * DAY))).toBeLessThan(60_000); // the same lifetime, from now
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ expiresAt: new Date(grace), replacedById: same.id });
    expect(await runAction(actions.rotateToken, { tokenId: token.id, previousTokenExpiresAt: null }, actor, testMeta())).toMatchObject({ ok: false, error: { code: "conflict" } });

    const never = unwrap(await runAction(actions.rotateToken, { tokenId: same.id, previousTokenExpiresAt: null, expiresAt: null }, actor, testMeta()));
    expect(never.expiresAt).toBeNull();
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: same.id } })).expiresAt!.getTime()).toBeLessThanOrEqual(Date.now());
    const chosen = inDays(5);
    const dated = unwrap(await runAction(actions.rotateToken, { tokenId: never.id, previousTokenExpiresAt: null, expiresAt: chosen }, actor, testMeta()));
    expect(dated.expiresAt).toBe(chosen);
    const forever = unwrap(await add({ name: "forever" }));
    const stillNever = unwrap(await runAction(actions.rotateToken, { tokenId: forever.id, previousTokenExpiresAt: null }, actor, testMeta()));
    expect(stillNever.expiresAt).toBeNull(); // never stays never
    const rotated = (await eventsFor(account.id)).filter((e) => e.action === "token.rotated");
    expect(rotated[0]?.metadata).toMatchObject({ before: { tokenId: token.id, expiresAt: grace }, after: { tokenId: same.id, name: "ci", scopes: ["tokens:write"] } });
    expect(await runAction(actions.rotateToken, { tokenId: dated.id, previousTokenExpiresAt: null, expiresAt: inDays(-1) }, actor, testMeta())).toMatchObject({ ok: false, error: { fieldErrors: { expiresAt: ["The date must be in the future"] } } });
  });

  it("narrows scopes and never widens them; changes description and ranges; audits before and after", async () => {
    const { actor, account, first, add } = await setup();
    const token = unwrap(await add({ name: "n", scopes: ["service_accounts:read", "tokens:write"] }));
    unwrap(await runAction(actions.updateToken, { tokenId: token.id, scopes: ["tokens:write"], description: "narrow", allowedIps: ["192.0.2.0/24"] }, actor, testMeta()));
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ scopes: ["tokens:write"], description: "narrow", allowedIps: ["192.0.2.0/24"] });
    expect(await runAction(actions.updateToken, { tokenId: token.id, scopes: ["tokens:write", "service_accounts:read"] }, actor, testMeta())).toMatchObject({ ok: false, error: { fieldErrors: { "scopes.1": [expect.stringContaining("narrowed")] } } });
    expect(await runAction(actions.updateToken, { tokenId: token.id, scopes: null }, actor, testMeta())).toMatchObject({ ok: false, error: { fieldErrors: { scopes: [expect.stringContaining("full access")] } } });
    // Full access narrows to the role's built-in scopes only.
    unwrap(await runAction(actions.updateToken, { tokenId: first.id, scopes: ["service_accounts:read"] }, actor, testMeta()));
    expect(await runAction(actions.updateToken, { tokenId: token.id, scopes: ["audit:read"] }, actor, testMeta())).toMatchObject({ ok: false });
    const updated = (await eventsFor(account.id)).find((e) => e.action === "token.updated");
    expect(updated?.metadata).toMatchObject({ before: { scopes: ["service_accounts:read", "tokens:write"], description: "" }, after: { scopes: ["tokens:write"], description: "narrow", allowedIps: ["192.0.2.0/24"] } });
  });

  it("Regenerate rotates the primary token (first-created live), which stays primary; the account's status follows its tokens", async () => {
    const { actor, account, first, add } = await setup("CONTRIBUTOR", new Date(Date.now() + 30 * DAY));
    const second = unwrap(await add({ name: "second", expiresAt: inDays(60) }));
    const regenerated = unwrap(await runAction(actions.regenerate, { serviceAccountId: account.id, previousToken: "expire_now" }, actor, testMeta()));
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ replacedById: regenerated.id });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: regenerated.id } })).name).toBe("default");
    const listed = await findAccountTokens(actor, account.id);
    expect(listed?.tokens.filter((t) => t.primary).map((t) => t.id)).toEqual([regenerated.id]);
    // Active while any token works: its expiry is the latest among current tokens.
    expect((await db.serviceAccount.findUniqueOrThrow({ where: { id: account.id } })).tokenExpiresAt).toEqual(new Date(second.expiresAt!));
    unwrap(await runAction(actions.revoke, { tokenId: second.id }, actor, testMeta()));
    const afterOne = await db.serviceAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(afterOne.tokenRevokedAt).toBeNull();
    expect(Math.abs(afterOne.tokenExpiresAt!.getTime() - Date.parse(regenerated.expiresAt!))).toBeLessThan(1000);
    unwrap(await runAction(actions.revoke, { tokenId: regenerated.id }, actor, testMeta()));
    expect((await db.serviceAccount.findUniqueOrThrow({ where: { id: account.id } })).tokenRevokedAt).not.toBeNull();
  });

  it("refuses a token with scopes rotating a full-access token (it would obtain more than it holds)", async () => {
    const { user, account, first, add } = await setup("ADMIN");
    const scoped = unwrap(await add({ name: "rotator", scopes: ["tokens:write", "service_accounts:read", "service_accounts:write"] }));
    const asToken: ServiceAccountActor = { type: "SERVICE_ACCOUNT", id: account.id, name: account.name, role: "ADMIN", ownerId: user.id, tokenId: scoped.id, scopes: ["tokens:write", "service_accounts:read", "service_accounts:write"] };
    expect(await runAction(actions.rotateToken, { tokenId: first.id, previousTokenExpiresAt: null }, asToken, testMeta())).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await runAction(actions.regenerate, { serviceAccountId: account.id, previousToken: "expire_now" }, asToken, testMeta())).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await runAction(actions.addToken, { serviceAccountId: account.id, name: "full" }, asToken, testMeta())).toMatchObject({ ok: false, error: { fieldErrors: { scopes: [expect.any(String)] } } });
    expect((await runAction(actions.rotateToken, { tokenId: scoped.id, previousTokenExpiresAt: null }, asToken, testMeta())).ok).toBe(true);
  });
});
