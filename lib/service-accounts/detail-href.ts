// Apart from ./list-url (which parses list URLs with zod) because the list's browser code links rows with it.

/** The list a detail page's back link goes to when it was not opened from another list. */
export const DEFAULT_LIST = "/admin/api-tokens";

/** The detail page of an account, opened from the list at `from` (its path and query). */
export function detailHref(id: string, from: string | null): string {
  return from && from !== DEFAULT_LIST ? `/admin/api-tokens/${id}?from=${encodeURIComponent(from)}` : `/admin/api-tokens/${id}`;
}
