"use client";
import { FilterSelect, type FilterOption } from "./filter-select";
import { SearchInput } from "./search-input";

/** A list's filter values as the URL has them; `q` is the search box. */
type FilterValues = { q?: string } & Record<string, string | undefined>;

/** One filter drop-down: `key` is its URL parameter. */
export type ListFilter<F> = {
  [K in keyof F]-?: {
    key: K;
    id: string;
    /** The accessible name (visually hidden): "Role filter". */
    label: string;
    /** The option that clears it: "All roles". */
    allLabel: string;
    options: readonly FilterOption<NonNullable<F[K]> & string>[];
    className?: string;
  };
}[keyof F];

type ListToolbarProps<F extends FilterValues> = {
  search: { id: string; label: string; placeholder: string };
  filters: readonly ListFilter<Omit<F, "q">>[];
  values: F;
  /** Only the field that changed: the list merges it into the state it last asked for. */
  onChange: (changes: Partial<F>) => void;
};

/** Search and filters above a list. It only reports changes; the list turns them into the URL. */
export function ListToolbar<F extends FilterValues>({ search, filters, values, onChange }: ListToolbarProps<F>) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <SearchInput {...search} value={values.q ?? ""} onSearch={(q) => onChange({ q: q || undefined } as Partial<F>)} />
      {filters.map(({ key, ...filter }) => (
        <FilterSelect<string>
          key={String(key)}
          {...filter}
          value={values[key as string]}
          onChange={(value) => onChange({ [key]: value } as Partial<F>)}
        />
      ))}
    </div>
  );
}
