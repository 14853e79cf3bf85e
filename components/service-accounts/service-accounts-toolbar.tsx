"use client";
import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Input, Select } from "@/components/ui/input";
import { ROLE_LABELS, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import type { FindServiceAccountsParams } from "@/lib/service-accounts/schemas";
import { TOKEN_STATUS_LABELS, TOKEN_STATUSES } from "@/lib/tokens/token-status";
import type { OwnerOption } from "@/lib/users/find-owner-options";

export type ServiceAccountFilters = Pick<FindServiceAccountsParams, "q" | "role" | "ownerId" | "status">;

const SEARCH_DEBOUNCE_MS = 300;

/** Search and filters for the tokens list. It only reports changes; the table turns them into the URL. */
export function ServiceAccountsToolbar({
  filters,
  ownerOptions,
  onChange,
}: {
  filters: ServiceAccountFilters;
  /** The Owner filter shows only when given (actors who see everyone's tokens). */
  ownerOptions?: readonly OwnerOption[];
  onChange: (filters: ServiceAccountFilters) => void;
}) {
  const [text, setText] = useSearchText(filters.q ?? "", (q) => onChange({ ...filters, q: q || undefined }));

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="relative w-full sm:w-72">
        <label htmlFor="tokens-search" className="sr-only">
          Search tokens
        </label>
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
        <Input
          id="tokens-search"
          type="search"
          placeholder="Search by name or description"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="pl-8"
        />
      </div>
      <label htmlFor="tokens-role-filter" className="sr-only">
        Role filter
      </label>
      <Select
        id="tokens-role-filter"
        className="w-auto"
        value={filters.role ?? ""}
        onChange={(e) => onChange({ ...filters, role: SERVICE_ACCOUNT_ROLES.find((r) => r === e.target.value) })}
      >
        <option value="">All roles</option>
        {SERVICE_ACCOUNT_ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </Select>
      {ownerOptions ? (
        <>
          <label htmlFor="tokens-owner-filter" className="sr-only">
            Owner filter
          </label>
          <Select
            id="tokens-owner-filter"
            className="w-auto max-w-56"
            value={filters.ownerId ?? ""}
            onChange={(e) => onChange({ ...filters, ownerId: ownerOptions.find((o) => o.id === e.target.value)?.id })}
          >
            <option value="">All owners</option>
            {ownerOptions.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </Select>
        </>
      ) : null}
      <label htmlFor="tokens-status-filter" className="sr-only">
        Status filter
      </label>
      <Select
        id="tokens-status-filter"
        className="w-auto"
        value={filters.status ?? ""}
        onChange={(e) => onChange({ ...filters, status: TOKEN_STATUSES.find((s) => s === e.target.value) })}
      >
        <option value="">All statuses</option>
        {TOKEN_STATUSES.map((status) => (
          <option key={status} value={status}>
            {TOKEN_STATUS_LABELS[status]}
          </option>
        ))}
      </Select>
    </div>
  );
}

/**
 * The search box's text, sent to `onSearch` once typing pauses. It follows the URL when the URL changes for
 * another reason (back button), but not while its own search is on the way: the echo of an earlier search
 * must not overwrite what the user has typed since. (Same behaviour as the users list's search box.)
 */
function useSearchText(urlQ: string, onSearch: (q: string) => void) {
  const [text, setText] = useState(urlQ);
  const [seenQ, setSeenQ] = useState(urlQ); // the URL's q at the last render
  const [sentQ, setSentQ] = useState(urlQ); // the q last sent, or taken from the URL
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  if (urlQ !== seenQ) {
    const searching = sentQ !== seenQ;
    setSeenQ(urlQ);
    if (!searching) {
      setText(urlQ);
      setSentQ(urlQ);
    }
  }

  useEffect(() => {
    const pending = timer;
    return () => clearTimeout(pending.current);
  }, []);

  const change = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const q = value.trim();
      if (q === sentQ) return;
      setSentQ(q);
      onSearch(q);
    }, SEARCH_DEBOUNCE_MS);
  };

  return [text, change] as const;
}
