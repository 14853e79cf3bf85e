"use client";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { listQuery } from "@/lib/lists/list-query";

/** A list whose state is its URL: the current params, and a way to change them. */
export type ListNavigation<P> = {
  /** The URL's list state, as the page parsed it (parseSearchParams). */
  params: P;
  /** True while a navigation is under way: the list shows the old page, dimmed and aria-busy. */
  isPending: boolean;
  /** Merges `changes` into the params and navigates there; the server sends the new page. */
  navigate: (changes: Partial<P>) => void;
};

/** Turns list-state changes (search, filters, sort, page) into a navigation, inside a transition. */
export function useListNavigation<P extends object>(params: P): ListNavigation<P> {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  // The state last asked for: two quick changes (a filter, then another before the first page arrived) must
  // build on each other, not both on the URL that was showing.
  const requested = useRef(params);
  useEffect(() => {
    requested.current = params;
  }, [params]);

  const navigate = (changes: Partial<P>) => {
    const next = { ...requested.current, ...changes };
    requested.current = next;
    startTransition(() => router.push(`${pathname}?${listQuery(next)}`, { scroll: false }));
  };

  return { params, isPending, navigate };
}
