import type { ApiClient } from "../client/api";
import { call } from "../client/api";
import { CliError, EXIT } from "../output/exit-codes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A service account given by id or by name (names are unique). */
export async function accountId(api: ApiClient, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const page = await call(api.GET("/api/v1/service-accounts", { params: { query: { q: ref, limit: 100 } } }));
  const found = page.data.find((account) => account.name === ref);
  if (!found) throw new CliError(`no service account named ${ref}`, EXIT.notFound);
  return found.id;
}

/** A token given by id, or by Token ID with --account (its live token of that name). */
export async function tokenId(api: ApiClient, ref: string, account: string | undefined): Promise<string> {
  if (UUID.test(ref)) return ref;
  if (!account) throw new CliError(`give --account with a Token ID (${ref}), or the token's id`, EXIT.usage);
  const id = await accountId(api, account);
  const tokens = await call(api.GET("/api/v1/service-accounts/{id}/tokens", { params: { path: { id } } }));
  const found = tokens.data.find((token) => token.name.toLowerCase() === ref.toLowerCase() && LIVE.has(token.status));
  if (!found) throw new CliError(`no live token ${ref} on ${account}`, EXIT.notFound);
  return found.id;
}

export const LIVE = new Set(["active", "expiring", "suspended"]);
