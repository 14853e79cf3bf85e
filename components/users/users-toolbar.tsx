"use client";
import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Input, Select } from "@/components/ui/input";
import { HUMAN_ROLES, ROLE_LABELS } from "@/lib/auth/permissions";
import type { FindUsersParams } from "@/lib/users/schemas";

export type UserFilters = Pick<FindUsersParams, "q" | "role" | "status">;

const SEARCH_DEBOUNCE_MS = 300;
const STATUSES = [
  { value: "ACTIVE", label: "Active" },
  { value: "DISABLED", label: "Disabled" },
] as const;

/** Search and filters for the users list. It only reports changes; the table turns them into the URL. */
export function UsersToolbar({ filters, onChange }: { filters: UserFilters; onChange: (filters: UserFilters) => void }) {
  const [text, setText] = useSearchText(filters.q ?? "", (q) => onChange({ ...filters, q: q || undefined }));

  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="relative w-full sm:w-72">
        <label htmlFor="users-search" className="sr-only">
          Search users
        </label>
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
        <Input
          id="users-search"
          type="search"
          placeholder="Search by name or email"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="pl-8"
        />
      </div>
      <label htmlFor="users-role-filter" className="sr-only">
        Role filter
      </label>
      <Select
        id="users-role-filter"
        className="w-auto"
        value={filters.role ?? ""}
        onChange={(e) => onChange({ ...filters, role: HUMAN_ROLES.find((r) => r === e.target.value) })}
      >
        <option value="">All roles</option>
        {HUMAN_ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </Select>
      <label htmlFor="users-status-filter" className="sr-only">
        Status filter
      </label>
      <Select
        id="users-status-filter"
        className="w-auto"
        value={filters.status ?? ""}
        onChange={(e) => onChange({ ...filters, status: STATUSES.find((s) => s.value === e.target.value)?.value })}
      >
        <option value="">All statuses</option>
        {STATUSES.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

/**
 * The search box's text, sent to `onSearch` once typing pauses. It follows the URL when the URL changes for
 * another reason (back button), but not while its own search is on the way: the echo of an earlier search
 * must not overwrite what the user has typed since.
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
