import { FIRST_TOKEN, type CurrentAccount, type CurrentToken } from "../../lib/provisioning/plan";
import { allPages, call, mapLimit, type ApiClient } from "../client/api";
import type { components } from "../client/api-types";
import { LIVE } from "../commands/resolve";

// What the server holds, for the planner: every account from the list (largest pages; with their tokens when any
// entry manages tokens), and the grants of only the accounts whose entry manages them, a few requests at a time.

export const CONCURRENCY = 8;
export type Wanted = (name: string) => { tokens: boolean; grants: boolean };

export async function loadState(client: ApiClient, wanted: Wanted, { tokens }: { tokens: boolean }): Promise<CurrentAccount[]> {
  const include = tokens ? ("tokens" as const) : undefined;
  const rows = await allPages((cursor) => client.GET("/api/v1/service-accounts", { params: { query: { limit: 100, cursor, include } } }));
  return mapLimit(rows, CONCURRENCY, async (row) => {
    const account: CurrentAccount = { id: row.id, name: row.name, description: row.description, role: row.role, ownerEmail: row.owner.email };
    const want = wanted(row.name);
    if (want.tokens && row.tokens) account.tokens = liveTokens(row.tokens);
    if (want.grants) account.grants = (await call(client.GET("/api/v1/service-accounts/{id}/grants", { params: { path: { id: row.id } } }))).data.map(({ type, resource, role }) => ({ type, resource, role }));
    return account;
  });
}

function liveTokens(tokens: components["schemas"]["Token"][]): CurrentToken[] {
  return tokens
    .filter((token) => LIVE.has(token.status))
    .map((token) => ({ id: token.id, name: token.name || FIRST_TOKEN, description: token.description, expiresAt: token.expiresAt, scopes: token.scopes, allowedIps: token.allowedIps }));
}
