import { describe, expect, it } from "vitest";
import { keyholdFileSchema } from "./file-schema";
import { toKeyholdFile } from "./export-file";
import { countPlan, planApply, type CurrentAccount } from "./plan";

const file = (serviceAccounts: unknown[]) => keyholdFileSchema.parse({ serviceAccounts });
const token = (name: string, extra: Partial<NonNullable<CurrentAccount["tokens"]>[number]> = {}) => ({ id: `id-${name}`, name, description: "", expiresAt: null, scopes: null, allowedIps: [], ...extra });
const ci: CurrentAccount = { id: "a1", name: "ci", description: "CI", role: "VIEWER", ownerEmail: "o@example.com", tokens: [token("default")], grants: [] };

describe("planApply", () => {
  it("creates what is missing, with the first token's follow-up and the grants", () => {
    const plan = planApply(file([{ name: "new", role: "VIEWER", tokens: [{ name: "default", scopes: ["service_accounts:read"] }, { name: "extra" }], grants: [{ type: "application", resource: "checkout", role: "developer" }] }]), [], { prune: false });
    expect(plan.accounts).toMatchObject([
      {
        kind: "create",
        name: "new",
        tokens: [
          { kind: "update", name: "default", changes: [{ field: "scopes", from: null, to: ["service_accounts:read"] }] },
          { kind: "create", name: "extra" },
        ],
        grants: [{ type: "application", resource: "checkout", role: "developer" }],
      },
    ]);
  });

  it("is unchanged when the server matches, and ignores fields the file leaves out", () => {
    const plan = planApply(file([{ name: "ci", role: "VIEWER", owner: "O@example.com", tokens: [{ name: "DEFAULT" }], grants: [] }]), [ci], { prune: true });
    expect(plan.accounts).toEqual([expect.objectContaining({ kind: "unchanged", changes: [], tokens: [], grants: undefined })]);
  });

  it("updates changed fields, tokens (by Token ID, case-insensitively) and grants", () => {
    const current = { ...ci, tokens: [token("default", { scopes: ["b", "a"] }), token("old")] };
    const plan = planApply(
      file([{ name: "ci", description: "CI 2", role: "ADMIN", tokens: [{ name: "Default", scopes: ["a"], allowedIps: ["10.0.0.0/8"] }, { name: "new" }], grants: [{ type: "t", resource: "r", role: "x" }] }]),
      [current],
      { prune: false },
    );
    expect(plan.accounts[0]).toMatchObject({
      kind: "update",
      changes: [
        { field: "description", from: "CI", to: "CI 2" },
        { field: "role", from: "VIEWER", to: "ADMIN" },
      ],
      tokens: [
        { kind: "update", id: "id-default", changes: [{ field: "allowedIps", to: ["10.0.0.0/8"] }, { field: "scopes", to: ["a"] }] },
        { kind: "create", name: "new" },
      ],
      grants: [{ type: "t", resource: "r", role: "x" }],
    });
  });

  it("never re-issues a token whose expiry differs: a note instead", () => {
    const plan = planApply(file([{ name: "ci", role: "VIEWER", tokens: [{ name: "default", expiresAt: "2030-01-01T00:00:00Z" }] }]), [ci], { prune: false });
    expect(plan.accounts[0]).toMatchObject({ kind: "unchanged", tokens: [] });
    expect(plan.accounts[0]!.notes[0]).toMatch(/never re-issues/);
  });

  it("deletes and revokes only with prune, and never the caller's own account", () => {
    const me: CurrentAccount = { id: "me", name: "me", description: "", role: "ADMIN", ownerEmail: "o@example.com" };
    const other: CurrentAccount = { id: "x", name: "gone", description: "", role: "VIEWER", ownerEmail: "o@example.com" };
    const current = [{ ...ci, tokens: [token("default"), token("stale")] }, me, other];
    const declared = file([{ name: "ci", role: "VIEWER", tokens: [{ name: "default" }] }]);
    expect(countPlan(planApply(declared, current, { prune: false, keep: "me" }))).toEqual({ create: 0, update: 0, unchanged: 1, delete: 0 });
    const pruned = planApply(declared, current, { prune: true, keep: "me" });
    expect(pruned.accounts.map((a) => [a.kind, a.name])).toEqual([
      ["update", "ci"],
      ["delete", "gone"],
    ]);
    expect(pruned.accounts[0]!.tokens).toEqual([{ kind: "revoke", name: "stale", id: "id-stale" }]);
  });

  it("plans nothing for its own export (the round trip)", () => {
    const current = [{ ...ci, tokens: [token("default", { scopes: ["a"], allowedIps: ["10.0.0.0/8"], expiresAt: "2030-01-01T00:00:00.000Z" })], grants: [{ type: "t", resource: "r", role: "x" }] }];
    const exported = keyholdFileSchema.parse(JSON.parse(JSON.stringify(toKeyholdFile(current))));
    expect(countPlan(planApply(exported, current, { prune: true }))).toEqual({ create: 0, update: 0, unchanged: 1, delete: 0 });
  });
});
