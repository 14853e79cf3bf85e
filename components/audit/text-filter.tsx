"use client";
import { useSyncExternalStore } from "react";
import { Input } from "@/components/ui/input";
import { isoToInputValue, localDateTimeIso } from "@/components/service-accounts/local-datetime";
import { useDebouncedText } from "@/components/ui/use-debounced-text";

export const FILTER_LABEL = "block text-xs font-medium text-slate-600";

type TextFilterProps = {
  id: string;
  label: string;
  value: string | undefined;
  placeholder?: string;
  /** Shorter text is not a filter yet (the free-text search needs 2 characters). */
  minLength?: number;
  onChange: (value: string | undefined) => void;
  className?: string;
};

/** A labelled text filter, applied once typing pauses. */
export function TextFilter({ id, label, value, placeholder, minLength = 1, onChange, className }: TextFilterProps) {
  const normalize = (text: string) => (text.trim().length >= minLength ? text.trim() : "");
  const [text, setText] = useDebouncedText(value ?? "", (next) => onChange(next || undefined), normalize);
  const tooShort = text.trim().length > 0 && text.trim().length < minLength;
  return (
    <div className={className}>
      <label htmlFor={id} className={FILTER_LABEL}>
        {label}
      </label>
      <Input id={id} type="search" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} className="mt-1" />
      {tooShort ? <p className="mt-0.5 text-xs text-slate-500">Type at least {minLength} characters.</p> : null}
    </div>
  );
}

const noSubscription = () => () => {};

/**
 * A date-time bound in the viewer's local time; the URL holds the ISO instant. The server cannot know the
 * viewer's time zone, so it renders the box empty and the client fills it in.
 */
export function DateTimeFilter({ id, label, value, onChange }: Pick<TextFilterProps, "id" | "label" | "value" | "onChange">) {
  const local = useSyncExternalStore(noSubscription, () => isoToInputValue(value, "datetime-local"), () => "");
  const normalize = (text: string) => (localDateTimeIso(text) ? text : "");
  const [text, setText] = useDebouncedText(local, (next) => onChange(localDateTimeIso(next)), normalize);
  return (
    <div>
      <label htmlFor={id} className={FILTER_LABEL}>
        {label}
      </label>
      <Input id={id} type="datetime-local" value={text} onChange={(e) => setText(e.target.value)} className="mt-1 w-auto" />
    </div>
  );
}

