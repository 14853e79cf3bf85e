"use client";
import { useEffect, useState } from "react";
import { useWatch, type Control, type FieldValues, type Path, type PathValue, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import { useTokenPolicy } from "@/components/policy/token-policy-context";
import { LocalTime } from "@/components/ui/local-time";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { defaultExpirationFor, expirationChoicesFor, latestExpiry } from "@/lib/policy/token-policy-rules";
import { EXPIRATION_LABELS, expiresAtFor, type EXPIRATION_CHOICES } from "@/lib/service-accounts/schemas";
import { ChoiceSelect, LocalDateField } from "./date-fields";

type ExpirationForm = FieldValues & { expiration: (typeof EXPIRATION_CHOICES)[number]; customExpiresAt?: string };

/** The policy's starting choice for a role, for a form's default values. */
export function usePolicyDefaultExpiration(role: ServiceAccountRole) {
  return defaultExpirationFor(useTokenPolicy(), role);
}

/**
 * A new token's Expiration select (and its date when Custom), offering only what the token policy allows for
 * the role, and the resulting date before the user confirms. A choice the role no longer allows (the role was
 * changed) falls back to the policy's default.
 */
export function ExpirationFields<T extends ExpirationForm>({
  idPrefix,
  role,
  control,
  register,
  setValue,
  error,
}: {
  idPrefix: string;
  role: ServiceAccountRole;
  control: Control<T>;
  register: UseFormRegister<T>;
  setValue: UseFormSetValue<T>;
  error?: string;
}) {
  const policy = useTokenPolicy();
  const choices = expirationChoicesFor(policy, role);
  const [expiration, customExpiresAt] = useWatch({ control, name: ["expiration", "customExpiresAt"] as Path<T>[] }) as unknown as [ExpirationForm["expiration"], string | undefined];
  const [now] = useState(() => Date.now());
  useEffect(() => {
    if (!choices.includes(expiration)) setValue("expiration" as Path<T>, defaultExpirationFor(policy, role) as PathValue<T, Path<T>>);
  }, [choices, expiration, policy, role, setValue]);
  const resulting = expiration === "custom" ? (customExpiresAt ?? null) : (expiresAtFor({ expiration }, now)?.toISOString() ?? null);
  const max = policy.maxLifetimeDays[role];
  const latest = latestExpiry(policy, role, new Date(now));
  return (
    <div className="space-y-2">
      <ChoiceSelect id={`${idPrefix}-expiration`} label="Expiration" error={error} choices={choices} labels={EXPIRATION_LABELS} registration={register("expiration" as Path<T>)} />
      {expiration === "custom" ? (
        <LocalDateField control={control} name={"customExpiresAt" as Path<T>} id={`${idPrefix}-expires-on`} label="Expiration date" hint="The token expires at the end of this day, your time." />
      ) : null}
      <p className="text-sm text-slate-700" aria-live="polite">
        {expiration === "never" ? "The token never expires." : resulting ? <>Expires <LocalTime iso={resulting} zone />.</> : "Choose a date."}
        {max !== null && latest ? <> The token policy allows {role} tokens at most {max} {max === 1 ? "day" : "days"} (until <LocalTime iso={latest.toISOString()} dateOnly />).</> : null}
        {max === null && policy.requireExpiry ? " The token policy requires an expiry." : null}
      </p>
    </div>
  );
}
