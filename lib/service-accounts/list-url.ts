// The API Tokens and My tokens lists hand their URL (filters, sort, page) to the detail pages they link to, so
// the detail page's back link returns to the list as it was. The `from` parameter is only ever a relative URL
// of one of those lists: anything else (another path, another origin, a scheme) falls back to API Tokens.
import { parseSearchParams } from "@/lib/lists/list-params";
import { listQuery } from "@/lib/lists/list-query";
import { DEFAULT_LIST } from "./detail-href";
import { findServiceAccountsSchema } from "./schemas";
import { FULL_TOKEN_SHAPE, hintOf } from "@/lib/tokens/token-shape";

const LISTS = { "/admin/api-tokens": "API Tokens", "/tokens": "My tokens" } as const;
type ListPath = keyof typeof LISTS;

const isListPath = (path: string): path is ListPath => Object.hasOwn(LISTS, path);

/** Where the detail page's back link goes: the list it came from, with that list's (re-checked) filters. */
export function backToList(from: string | string[] | undefined): { href: string; label: string } {
  const raw = typeof from === "string" ? from : "";
  // Only a path of our own: "/tokens?…", never "//host", "https:…" or "/\host".
  const match = /^(\/[a-z/-]+)(?:\?([^#]*))?$/.exec(raw);
  const path = match?.[1];
  if (!match || !path || !isListPath(path)) return { href: DEFAULT_LIST, label: LISTS[DEFAULT_LIST] };
  // Re-read through the list's own forgiving parser: only its known parameters, with valid values, survive.
  const params = parseSearchParams(findServiceAccountsSchema, Object.fromEntries(new URLSearchParams(match[2] ?? "")));
  const defaults = parseSearchParams(findServiceAccountsSchema, {});
  const changed = Object.fromEntries(Object.entries(params).filter(([key, value]) => defaults[key as keyof typeof defaults] !== value));
  const query = listQuery(changed);
  return { href: query ? `${path}?${query}` : path, label: LISTS[path] };
}

/**
 * A list URL whose search is a full token (typed or linked by hand) is sent on to the same list searching by
 * that token's hint, so the token does not stay in the address bar or the history. Null when nothing to do.
 */
export function withoutFullToken(path: string, params: { q?: string }): string | null {
  if (!params.q || !FULL_TOKEN_SHAPE.test(params.q)) return null;
  return `${path}?${listQuery({ ...params, q: hintOf(params.q), page: undefined })}`;
}
