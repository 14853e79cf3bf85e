"use client";
import { useState } from "react";
import { Controller, type Control, type FieldPath, type FieldValues, type UseFormRegisterReturn } from "react-hook-form";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { endOfLocalDayIso, isoToInputValue, localDateTimeIso, tomorrowDateInputValue } from "./local-datetime";

type DateFieldProps<T extends FieldValues> = { control: Control<T>; name: FieldPath<T>; id: string; label: string; hint: string; min?: string; max?: string };

/** A day in local time, held by the form as the ISO instant of its end (an expiry date); from tomorrow on. */
export function LocalDateField<T extends FieldValues>({ control, name, id, label, hint }: Omit<DateFieldProps<T>, "min" | "max">) {
  const [tomorrow] = useState(tomorrowDateInputValue);
  return <IsoInputField control={control} name={name} id={id} label={label} hint={hint} min={tomorrow} kind="date" toIso={endOfLocalDayIso} />;
}

/** A local date and time, held by the form as an ISO instant (e.g. until when an old token keeps working). */
export function LocalDateTimeField<T extends FieldValues>(props: DateFieldProps<T>) {
  return <IsoInputField {...props} kind="datetime-local" toIso={localDateTimeIso} />;
}

function IsoInputField<T extends FieldValues>({
  control,
  name,
  id,
  label,
  hint,
  min,
  max,
  kind,
  toIso,
}: DateFieldProps<T> & { kind: "date" | "datetime-local"; toIso: (value: string) => string | undefined }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field id={id} label={label} error={fieldState.error?.message} hint={hint}>
          <Input
            {...fieldA11y(id, fieldState.error?.message)}
            type={kind}
            min={min}
            max={max}
            ref={field.ref}
            name={field.name}
            onBlur={field.onBlur}
            value={isoToInputValue(field.value, kind)}
            onChange={(e) => field.onChange(toIso(e.target.value))}
          />
        </Field>
      )}
    />
  );
}

/** A labelled select of fixed choices. */
export function ChoiceSelect<C extends string>({ id, label, error, choices, labels, registration }: { id: string; label: string; error?: string; choices: readonly C[]; labels: Record<C, string>; registration: UseFormRegisterReturn }) {
  return (
    <Field id={id} label={label} error={error}>
      <Select {...fieldA11y(id, error)} {...registration}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labels[choice]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A radio group (legend and one label per choice). */
export function RadioChoices<C extends string>({ legend, choices, registration }: { legend: string; choices: readonly (readonly [C, string])[]; registration: UseFormRegisterReturn }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      {choices.map(([value, text]) => (
        <label key={value} className="flex items-center gap-2 text-sm text-slate-700">
          <input type="radio" value={value} className="accent-indigo-600" {...registration} />
          {text}
        </label>
      ))}
    </fieldset>
  );
}
