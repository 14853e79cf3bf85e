"use client";
import { Search } from "lucide-react";
import { Input } from "./input";
import { useDebouncedText } from "./use-debounced-text";

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
  const [text, setText] = useDebouncedText(value, onSearch, (t) => t.trim(), SEARCH_DEBOUNCE_MS);

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
