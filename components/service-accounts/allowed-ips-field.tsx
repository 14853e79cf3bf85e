"use client";
import { TriangleAlert } from "lucide-react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, fieldA11y } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { isWideRange, normaliseCidr } from "@/lib/validation/cidr";

/** The ranges typed one per line, as the operation takes them. */
export const rangesFromText = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** Allowed IP ranges, one per line; a warning below the field for ranges wider than /8 (IPv4) or /32 (IPv6). */
export function AllowedIpsField({ id, value, error, registration }: { id: string; value: string; error?: string; registration: UseFormRegisterReturn }) {
  const wide = rangesFromText(value)
    .map((line) => normaliseCidr(line))
    .filter((range): range is string => range !== null && isWideRange(range));
  return (
    <div className="space-y-1">
      <Field id={id} label="Allowed IP ranges" error={error} hint="One IPv4 or IPv6 address or CIDR range per line, e.g. 203.0.113.0/24. Empty: any address.">
        <Textarea {...fieldA11y(id, error)} rows={3} spellCheck={false} autoComplete="off" className="font-mono" placeholder="Optional" {...registration} />
      </Field>
      {wide.length ? (
        <p className="flex gap-1.5 text-sm text-amber-800" role="status">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>Very wide: {wide.join(", ")} (wider than /8 for IPv4 or /32 for IPv6) allows a large part of the internet.</span>
        </p>
      ) : null}
    </div>
  );
}
