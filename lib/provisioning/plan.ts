import type { DeclaredAccount, DeclaredToken, Grant, KeyholdFile } from "./file-schema";

// The difference between a provisioning file and what the server holds, as steps `keyhold apply` runs. Pure: the
// caller loads the current state (cli/provisioning/load-state.ts) and runs the steps (apply-plan.ts).

export type CurrentToken = { id: string; name: string; description: string; expiresAt: string | null; scopes: string[] | null; allowedIps: string[] };
export type CurrentAccount = {
  id: string;
  name: string;
  description: string;
  role: string;
  ownerEmail: string;
  /** Live tokens; loaded only where the file declares tokens (or for export). */
  tokens?: CurrentToken[];
  grants?: Grant[];
};

export type FieldChange = { field: string; from: unknown; to: unknown };
export type TokenStep =
  | { kind: "create"; name: string; body: DeclaredToken }
  | { kind: "update"; name: string; id: string; changes: FieldChange[] }
  | { kind: "revoke"; name: string; id: string };
export type AccountPlan = {
  kind: "create" | "update" | "unchanged" | "delete";
  name: string;
  /** Absent for an account still to create. */
  id?: string;
  declared?: DeclaredAccount;
  changes: FieldChange[];
  tokens: TokenStep[];
  /** The grants to set (all of them), when they differ. */
  grants?: Grant[];
  notes: string[];
};
export type Plan = { accounts: AccountPlan[] };

/** The token a new account gets with it (lib/service-accounts: its first token is "default"). */
export const FIRST_TOKEN = "default";

export function planApply(file: KeyholdFile, current: CurrentAccount[], options: { prune: boolean; keep?: string }): Plan {
  const byName = new Map(current.map((account) => [account.name, account]));
  const declaredNames = new Set(file.serviceAccounts.map((account) => account.name));
  const accounts = file.serviceAccounts.map((declared) => {
    const existing = byName.get(declared.name);
    return existing ? planExisting(declared, existing, options.prune) : planNew(declared, options.prune);
  });
  if (options.prune) {
    for (const account of current) {
      if (declaredNames.has(account.name)) continue;
      // Never the account whose token runs apply: it would cut the branch it sits on.
      if (account.id === options.keep) continue;
      accounts.push({ kind: "delete", name: account.name, id: account.id, changes: [], tokens: [], notes: [] });
    }
  }
  return { accounts };
}

function planNew(declared: DeclaredAccount, prune: boolean): AccountPlan {
  const tokens: TokenStep[] = [];
  const first = declared.tokens?.find((token) => token.name.toLowerCase() === FIRST_TOKEN);
  for (const token of declared.tokens ?? []) {
    if (token === first) {
      // Created with the account (with its expiry); what creation does not set is a follow-up update.
      const changes = tokenChanges(token, { id: "", name: FIRST_TOKEN, description: "", expiresAt: token.expiresAt ?? null, scopes: null, allowedIps: [] });
      if (changes.length) tokens.push({ kind: "update", name: FIRST_TOKEN, id: "", changes });
    } else tokens.push({ kind: "create", name: token.name, body: token });
  }
  if (declared.tokens && !first && prune) tokens.push({ kind: "revoke", name: FIRST_TOKEN, id: "" });
  return { kind: "create", name: declared.name, declared, changes: [], tokens, grants: declared.grants?.length ? declared.grants : undefined, notes: [] };
}

function planExisting(declared: DeclaredAccount, existing: CurrentAccount, prune: boolean): AccountPlan {
  const changes: FieldChange[] = [];
  const compare = (field: string, from: unknown, to: unknown) => {
    if (to !== undefined && !same(from, to)) changes.push({ field, from, to });
  };
  compare("description", existing.description, declared.description);
  compare("role", existing.role, declared.role);
  compare("owner", existing.ownerEmail.toLowerCase(), declared.owner);
  const notes: string[] = [];
  const tokens = declared.tokens ? planTokens(declared.tokens, existing.tokens ?? [], prune, notes) : [];
  const grants = declared.grants && !same(sortGrants(declared.grants), sortGrants(existing.grants ?? [])) ? declared.grants : undefined;
  const kind = changes.length || tokens.length || grants ? "update" : "unchanged";
  return { kind, name: declared.name, id: existing.id, declared, changes, tokens, grants, notes };
}

function planTokens(declared: DeclaredToken[], current: CurrentToken[], prune: boolean, notes: string[]): TokenStep[] {
  const steps: TokenStep[] = [];
  const byName = new Map(current.map((token) => [token.name.toLowerCase(), token]));
  for (const token of declared) {
    const existing = byName.get(token.name.toLowerCase());
    if (!existing) {
      steps.push({ kind: "create", name: token.name, body: token });
      continue;
    }
    if (token.expiresAt !== undefined && !sameInstant(token.expiresAt, existing.expiresAt)) {
      notes.push(`token ${existing.name}: expires ${existing.expiresAt ?? "never"}, the file says ${token.expiresAt ?? "never"} (apply never re-issues a token: rotate it with keyhold tokens rotate)`);
    }
    const changes = tokenChanges(token, existing);
    if (changes.length) steps.push({ kind: "update", name: existing.name, id: existing.id, changes });
  }
  if (prune) {
    const wanted = new Set(declared.map((token) => token.name.toLowerCase()));
    for (const token of current) if (!wanted.has(token.name.toLowerCase())) steps.push({ kind: "revoke", name: token.name, id: token.id });
  }
  return steps;
}

function tokenChanges(declared: DeclaredToken, existing: CurrentToken): FieldChange[] {
  const changes: FieldChange[] = [];
  if (declared.description !== undefined && declared.description !== existing.description) changes.push({ field: "description", from: existing.description, to: declared.description });
  if (declared.allowedIps !== undefined && !same([...declared.allowedIps].sort(), [...existing.allowedIps].sort())) changes.push({ field: "allowedIps", from: existing.allowedIps, to: declared.allowedIps });
  if (declared.scopes !== undefined && !same(sortedOrNull(declared.scopes), sortedOrNull(existing.scopes))) changes.push({ field: "scopes", from: existing.scopes, to: declared.scopes });
  return changes;
}

const sortedOrNull = (list: string[] | null) => (list ? [...new Set(list)].sort() : null);
const sortGrants = (grants: Grant[]) => grants.map((g) => `${g.type}/${g.resource}=${g.role}`).sort();
const sameInstant = (a: string | null, b: string | null) => (a && b ? Date.parse(a) === Date.parse(b) : a === b);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type PlanCounts = Record<AccountPlan["kind"], number>;
export function countPlan(plan: Plan): PlanCounts {
  const counts: PlanCounts = { create: 0, update: 0, unchanged: 0, delete: 0 };
  for (const account of plan.accounts) counts[account.kind]++;
  return counts;
}
