"use client";
import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Input } from "./input";

const SEARCH_DEBOUNCE_MS = 300;

type SearchInputProps = {
  id: string;
  /** The accessible name (visually hidden): "Search users". */
  label: string;
  placeholder: string;
  /** The list's current search, as the URL has it. */
  value: string;
  /** Called with the trimmed text once typing pauses, and only when it differs from the last search. */
  onSearch: (q: string) => void;
};

/** A list's search box: debounced, and following the URL (back button) without clobbering what is being typed. */
export function SearchInput({ id, label, placeholder, value, onSearch }: SearchInputProps) {
  const [text, setText] = useSearchText(value, onSearch);

  return (
    <div className="relative w-full sm:w-72">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
      <Input id={id} type="search" placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} className="pl-8" />
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
