import type { AccountPlan, Plan, TokenStep } from "../../lib/provisioning/plan";
import { call, mapLimit, type ApiClient } from "../client/api";
import { toCliError, type CliError } from "../output/exit-codes";
import { CONCURRENCY } from "./load-state";

// Runs a plan: accounts a few at a time, each account's steps in order (the account, its tokens, its grants).
// A failing account does not stop the others; every failure is reported.

export type NewSecret = { account: string; token: string; id: string; value: string };
export type ApplyResult = { secrets: NewSecret[]; failures: { account: string; error: CliError }[] };

export async function applyPlan(client: ApiClient, plan: Plan): Promise<ApplyResult> {
  const result: ApplyResult = { secrets: [], failures: [] };
  await mapLimit(plan.accounts, CONCURRENCY, async (account) => {
    if (account.kind === "unchanged") return;
    try {
      await applyAccount(client, account, result.secrets);
    } catch (error) {
      result.failures.push({ account: account.name, error: toCliError(error) });
    }
  });
  return result;
}

async function applyAccount(client: ApiClient, account: AccountPlan, secrets: NewSecret[]) {
  let id = account.id;
  let firstToken = "";
  if (account.kind === "delete") {
    await call(client.DELETE("/api/v1/service-accounts/{id}", { params: { path: { id: id! } } }));
    return;
  }
  if (account.kind === "create") {
    const d = account.declared!;
    const first = d.tokens?.find((token) => token.name.toLowerCase() === "default");
    const body = { name: d.name, description: d.description, role: d.role, owner: d.owner, expiresAt: first?.expiresAt ?? undefined };
    const created = await call(client.POST("/api/v1/service-accounts", { body }));
    id = created.serviceAccount!.id;
    firstToken = created.token.id;
    secrets.push({ account: d.name, token: "default", id: created.token.id, value: created.token.value });
  } else if (account.changes.length) {
    const body = Object.fromEntries(account.changes.map((change) => [change.field, change.to]));
    await call(client.PATCH("/api/v1/service-accounts/{id}", { params: { path: { id: id! } }, body }));
  }
  for (const step of account.tokens) await applyToken(client, id!, step, step.kind === "create" ? "" : step.id || firstToken, account.name, secrets);
  if (account.grants) await call(client.PUT("/api/v1/service-accounts/{id}/grants", { params: { path: { id: id! } }, body: { grants: account.grants } }));
}

async function applyToken(client: ApiClient, accountId: string, step: TokenStep, tokenId: string, account: string, secrets: NewSecret[]) {
  if (step.kind === "create") {
    const { name, description, expiresAt, scopes, allowedIps } = step.body;
    const { token } = await call(client.POST("/api/v1/service-accounts/{id}/tokens", { params: { path: { id: accountId } }, body: { name, description: description ?? "", expiresAt, scopes, allowedIps: allowedIps ?? [] } }));
    secrets.push({ account, token: name, id: token.id, value: token.value });
  } else if (step.kind === "update") {
    const body = Object.fromEntries(step.changes.map((change) => [change.field, change.to]));
    await call(client.PATCH("/api/v1/tokens/{id}", { params: { path: { id: tokenId } }, body }));
  } else {
    await call(client.POST("/api/v1/tokens/{id}/revoke", { params: { path: { id: tokenId } } }));
  }
}
