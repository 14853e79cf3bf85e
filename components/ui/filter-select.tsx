import { cn } from "@/lib/cn";
import { Select } from "./input";

export type FilterOption<T extends string> = { value: T; label: string };

type FilterSelectProps<T extends string> = {
  id: string;
  /** The accessible name (visually hidden): "Role filter". */
  label: string;
  /** The first option, which clears the filter: "All roles". */
  allLabel: string;
  value: T | undefined;
  options: readonly FilterOption<T>[];
  /** The chosen option's value; undefined for "all" (or anything not among the options). */
  onChange: (value: T | undefined) => void;
  className?: string;
};

/** One of a list's filter drop-downs. It only reports the choice; the list turns it into the URL. */
export function FilterSelect<T extends string>({ id, label, allLabel, value, options, onChange, className }: FilterSelectProps<T>) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Select
        id={id}
        className={cn("w-auto", className)}
        value={value ?? ""}
        onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value)}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </>
  );
}
