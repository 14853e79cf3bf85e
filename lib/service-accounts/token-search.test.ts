import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { parseSearchParams } from "@/lib/lists/list-params";
import { actorOf, createTestServiceAccount, createTestUser, testMeta } from "@/lib/testing/factories";
import { issueToken } from "@/lib/tokens/token-format";
import { serviceAccountActions as actions } from "./action-definitions";
import { findServiceAccounts } from "./find-service-accounts";
import { backToList, withoutFullToken } from "./list-url";
import { findServiceAccountsSchema } from "./schemas";
import { hintOf } from "@/lib/tokens/token-shape";

const search = (q: string) => parseSearchParams(findServiceAccountsSchema, { q });
const names = (result: { rows: { name: string }[] }) => result.rows.map((row) => row.name);

async function twoOwners() {
  const alice = await createTestUser({ role: "CONTRIBUTOR" });
  const bob = await createTestUser({ role: "CONTRIBUTOR" });
  const admin = await createTestUser({ role: "ADMIN" });
  return { alice, bob, admin, mine: await createTestServiceAccount(alice.id), theirs: await createTestServiceAccount(bob.id) };
}

describe("search by token", () => {
  it("finds an account by its token's hint, written as shown or as its last four characters", async () => {
    const { alice, mine } = await twoOwners();
    const last4 = mine.token.hint.slice(-4);
    for (const q of [mine.token.hint, `kh_...${last4}`, last4]) {
      expect(names(await findServiceAccounts(actorOf(alice), search(q)))).toContain(mine.account.name);
    }
  });

  it("finds an account by a pasted full token, matched by hash, and only that account", async () => {
    const { alice, admin, mine } = await twoOwners();
    expect(names(await findServiceAccounts(actorOf(alice), search(mine.value)))).toEqual([mine.account.name]);
    expect(names(await findServiceAccounts(actorOf(admin), search(mine.value)))).toEqual([mine.account.name]);
    // A token of the right shape that is no one's finds nothing (not every account whose name is in it).
    expect((await findServiceAccounts(actorOf(admin), search(issueToken().value))).total).toBe(0);
  });

  it("never finds someone else's account for a non-admin, by token or by hint", async () => {
    const { alice, theirs } = await twoOwners();
    expect((await findServiceAccounts(actorOf(alice), search(theirs.value))).total).toBe(0);
    expect(names(await findServiceAccounts(actorOf(alice), search(theirs.token.hint)))).not.toContain(theirs.account.name);
    const answer = await runAction(actions.findTokenHint, { token: theirs.value }, actorOf(alice), testMeta());
    expect(answer).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("the console's lookup answers the hint only, and leaves no trace of the token in the audit trail", async () => {
    const { alice, mine } = await twoOwners();
    expect(await runAction(actions.findTokenHint, { token: mine.value }, actorOf(alice), testMeta())).toEqual({ ok: true, data: { hint: mine.token.hint } });
    const miss = await runAction(actions.findTokenHint, { token: issueToken().value }, actorOf(alice), testMeta());
    expect(miss).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(JSON.stringify(miss)).not.toContain("kh_");
    const traces = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "AuditEvent" e WHERE e::text LIKE ${`%${mine.value.slice(3)}%`}`;
    expect(Number(traces[0]!.n)).toBe(0);
  });

  it("a list URL holding a full token is sent on to the token's hint; other searches stay", () => {
    const { value, hint } = issueToken();
    expect(hintOf(value)).toBe(hint);
    const to = withoutFullToken("/tokens", search(value));
    expect(to).toContain(`q=${encodeURIComponent(hint)}`);
    expect(to).not.toContain(value.slice(3, 20));
    expect(withoutFullToken("/tokens", search("deploy"))).toBeNull();
  });
});

describe("the detail page's back link", () => {
  it("returns to the list it came from, with that list's valid filters only", () => {
    expect(backToList("/tokens?q=deploy&status=expiring&page=2")).toEqual({ href: "/tokens?page=2&q=deploy&status=expiring", label: "My tokens" });
    expect(backToList("/admin/api-tokens?role=NOPE&sort=name&dir=asc&evil=1")).toEqual({ href: "/admin/api-tokens?sort=name&dir=asc", label: "API Tokens" });
    for (const from of ["https://evil.example/admin/api-tokens", "//evil.example/tokens", "/\\evil.example", "/admin/users", "javascript:alert(1)", undefined]) {
      expect(backToList(from)).toEqual({ href: "/admin/api-tokens", label: "API Tokens" });
    }
  });
});
