"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLE_LABELS, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { setTokenPolicyAction } from "@/lib/policy/actions";
import { EXPIRATION_LABELS } from "@/lib/service-accounts/schemas";
import { DEFAULT_EXPIRATION_CHOICES, MAX_SUSPEND_UNUSED_DAYS, tokenPolicySchema, type TokenPolicy } from "@/lib/policy/token-policy-schema";
import { isWideRange } from "@/lib/validation/cidr";

type Role = (typeof SERVICE_ACCOUNT_ROLES)[number];
const lifetimeField = (role: Role) => `lifetime${role}` as const;

// The form's fields are what the inputs hold (text); the policy they make is checked by the server's own
// schema, so the two cannot drift.
const policyFormSchema = z
  .object({
    ...(Object.fromEntries(SERVICE_ACCOUNT_ROLES.map((role) => [lifetimeField(role), z.string()])) as Record<ReturnType<typeof lifetimeField>, z.ZodString>),
    requireExpiry: z.boolean(),
    defaultExpiration: z.enum(DEFAULT_EXPIRATION_CHOICES),
    defaultAllowedIps: z.string(),
    suspendUnusedDays: z.string(),
  })
  .superRefine((form, ctx) => {
    const parsed = tokenPolicySchema.safeParse(toPolicy(form));
    for (const issue of parsed.error?.issues ?? []) {
      const [first, second] = issue.path;
      const path = first === "maxLifetimeDays" ? [lifetimeField(second as Role)] : [String(first)];
      const message = first === "defaultAllowedIps" && typeof second === "number" ? `Line ${second + 1}: ${issue.message}` : issue.message;
      ctx.addIssue({ code: "custom", path, message });
    }
  });
type PolicyForm = z.infer<typeof policyFormSchema>;

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

function toPolicy(form: PolicyForm) {
  const days = (text: string) => (text.trim() === "" ? null : Number(text.trim()));
  return {
    maxLifetimeDays: Object.fromEntries(SERVICE_ACCOUNT_ROLES.map((role) => [role, days(form[lifetimeField(role)])])),
    requireExpiry: form.requireExpiry,
    defaultExpiration: form.defaultExpiration,
    defaultAllowedIps: lines(form.defaultAllowedIps),
    suspendUnusedDays: days(form.suspendUnusedDays),
  };
}

function toForm(policy: TokenPolicy): PolicyForm {
  return {
    ...(Object.fromEntries(SERVICE_ACCOUNT_ROLES.map((role) => [lifetimeField(role), policy.maxLifetimeDays[role] === null ? "" : String(policy.maxLifetimeDays[role])])) as Record<
      ReturnType<typeof lifetimeField>,
      string
    >),
    requireExpiry: policy.requireExpiry,
    defaultExpiration: policy.defaultExpiration,
    defaultAllowedIps: policy.defaultAllowedIps.join("\n"),
    suspendUnusedDays: policy.suspendUnusedDays === null ? "" : String(policy.suspendUnusedDays),
  };
}

/** The OWNER's token policy; ADMINs see it disabled. */
export function TokenPolicyForm({ policy, canManage }: { policy: TokenPolicy; canManage: boolean }) {
  const router = useRouter();
  const form = useForm<PolicyForm>({ resolver: zodResolver(policyFormSchema), defaultValues: toForm(policy) });
  const fields = [...SERVICE_ACCOUNT_ROLES.map(lifetimeField), "requireExpiry", "defaultExpiration", "defaultAllowedIps", "suspendUnusedDays"] as const;
  const { formError, submit } = useFormAction(form, fields);
  const requireExpiry = useWatch({ control: form.control, name: "requireExpiry" });
  const ranges = lines(useWatch({ control: form.control, name: "defaultAllowedIps" }) ?? "");
  const wide = ranges.filter((range) => {
    const parsed = tokenPolicySchema.shape.defaultAllowedIps.safeParse([range]);
    return parsed.success && isWideRange(parsed.data[0]!);
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await submit(() => setTokenPolicyAction(tokenPolicySchema.parse(toPolicy(values))));
    if (!result.ok) {
      const lifetimes = result.error.fieldErrors?.maxLifetimeDays?.[0];
      if (lifetimes) form.setError(lifetimeField("ADMIN"), { message: lifetimes });
      return;
    }
    toast.success("Token policy saved");
    form.reset(toForm(result.data));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-describedby="token-policy-intro">
      <p id="token-policy-intro" className="text-sm text-slate-700">
        Applied whenever a token gets an expiry: creating an account, adding a token, rotating or regenerating, and keeping a previous token. Tokens that
        already exist are not changed; those outside the policy are listed below.
        {canManage ? "" : " Only an owner can change the policy."}
      </p>
      <FormError message={formError} />
      <fieldset className="space-y-2" disabled={!canManage}>
        <legend className="text-sm font-medium text-slate-800">Maximum lifetime (days; blank: no limit)</legend>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {SERVICE_ACCOUNT_ROLES.map((role) => {
            const name = lifetimeField(role);
            const id = `policy-${name}`;
            return (
              <Field key={role} id={id} label={ROLE_LABELS[role]} error={errors[name]?.message}>
                <Input type="number" inputMode="numeric" min={1} max={3650} {...fieldA11y(id, errors[name]?.message)} {...form.register(name)} />
              </Field>
            );
          })}
        </div>
      </fieldset>
      <fieldset className="space-y-3" disabled={!canManage}>
        <legend className="sr-only">Expiry</legend>
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" className="mt-0.5 size-4 accent-indigo-600" aria-describedby="require-expiry-help" {...form.register("requireExpiry")} />
          <span className="font-medium">Require an expiry</span>
        </label>
        <p id="require-expiry-help" className="text-xs text-slate-600">
          Removes “Never” from every expiration choice, in the console and the API.
        </p>
        <Field id="policy-default-expiration" label="Default expiration for new tokens" error={errors.defaultExpiration?.message}>
          <Select className="sm:w-60" {...fieldA11y("policy-default-expiration", errors.defaultExpiration?.message)} {...form.register("defaultExpiration")}>
            {DEFAULT_EXPIRATION_CHOICES.filter((choice) => choice !== "never" || !requireExpiry).map((choice) => (
              <option key={choice} value={choice}>
                {EXPIRATION_LABELS[choice]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="policy-default-allowed-ips"
          label="Default allowed IP ranges for new tokens"
          hint="One IPv4 or IPv6 address or CIDR range per line; empty: anywhere. Pre-filled when a token is added."
          error={errors.defaultAllowedIps?.message}
        >
          <Textarea rows={3} className="font-mono sm:w-96" {...fieldA11y("policy-default-allowed-ips", errors.defaultAllowedIps?.message)} {...form.register("defaultAllowedIps")} />
        </Field>
        {wide.length ? (
          <p className="text-sm text-amber-800" role="status">
            Wide range{wide.length === 1 ? "" : "s"}: {wide.join(", ")} (wider than /8 for IPv4 or /32 for IPv6).
          </p>
        ) : null}
      </fieldset>
      <fieldset className="space-y-2" disabled={!canManage}>
        <legend className="sr-only">Unused tokens</legend>
        <Field
          id="policy-suspend-unused-days"
          label="Suspend tokens unused for (days)"
          hint="Blank: never. A suspended token is refused like a revoked one until someone who manages its account resumes it; its owner is told 7 days before and when it happens."
          error={errors.suspendUnusedDays?.message}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_SUSPEND_UNUSED_DAYS}
            className="sm:w-40"
            {...fieldA11y("policy-suspend-unused-days", errors.suspendUnusedDays?.message)}
            {...form.register("suspendUnusedDays")}
          />
        </Field>
      </fieldset>
      {canManage ? (
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Save token policy
        </Button>
      ) : null}
    </form>
  );
}
