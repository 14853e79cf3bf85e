import { countPlan, type AccountPlan, type FieldChange, type Plan, type TokenStep } from "../../lib/provisioning/plan";

// The plan for people: one line per account (+ create, ~ update, = unchanged, - delete), its changes below it.

const MARK: Record<AccountPlan["kind"], string> = { create: "+ create   ", update: "~ update   ", unchanged: "= unchanged", delete: "- delete   " };
const show = (value: unknown) => (value === null || value === undefined ? "none" : Array.isArray(value) ? `[${value.join(", ")}]` : JSON.stringify(value));
const change = ({ field, from, to }: FieldChange) => `${field}: ${show(from)} → ${show(to)}`;
const tokenLine = (step: TokenStep) =>
  step.kind === "create" ? `+ token ${step.name}` : step.kind === "revoke" ? `- token ${step.name} (revoke)` : `~ token ${step.name}: ${step.changes.map(change).join("; ")}`;

export function renderPlan(plan: Plan, { verbose }: { verbose: boolean }): string {
  const lines: string[] = [];
  for (const account of plan.accounts) {
    if (account.kind === "unchanged" && !verbose && !account.notes.length) continue;
    const d = account.declared;
    const what = account.kind === "create" && d ? ` (${d.role}${d.owner ? `, owner ${d.owner}` : ""})` : "";
    lines.push(`${MARK[account.kind]} ${account.name}${what}`);
    for (const c of account.changes) lines.push(`      ${change(c)}`);
    for (const step of account.tokens) lines.push(`      ${tokenLine(step)}`);
    if (account.grants) lines.push(`      grants → ${account.grants.map((g) => `${g.type}/${g.resource}=${g.role}`).join(", ") || "none"}`);
    for (const note of account.notes) lines.push(`      note: ${note}`);
  }
  const counts = countPlan(plan);
  lines.push(`Plan: ${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged, ${counts.delete} to delete.`);
  return `${lines.join("\n")}\n`;
}

/** The plan for scripts (--json). */
export const planJson = (plan: Plan) => ({
  counts: countPlan(plan),
  accounts: plan.accounts.map(({ kind, name, changes, tokens, grants, notes }) => ({ kind, name, changes, tokens: tokens.map(({ kind: k, name: n }) => ({ kind: k, name: n })), grants: grants ?? null, notes })),
});
