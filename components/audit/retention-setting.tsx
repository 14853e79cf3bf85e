"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { fieldA11y } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { setAuditRetentionAction } from "@/lib/audit/server-actions";
import { setRetentionSchema } from "@/lib/audit/schemas";

const daysSchema = setRetentionSchema.shape.retentionDays;
// The form's fields; the days are checked by the server's own schema, so the two cannot drift.
const retentionFormSchema = z
  // The days box is disabled while "Keep forever" is ticked, and a disabled field has no value.
  .object({ keepForever: z.boolean(), retentionDays: z.string().optional() })
  .superRefine((input, ctx) => {
    if (input.keepForever) return;
    const parsed = daysSchema.safeParse((input.retentionDays ?? "").trim());
    for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: "custom", path: ["retentionDays"], message: issue.message });
  });
type RetentionForm = z.infer<typeof retentionFormSchema>;

export function retentionText(days: number | null): string {
  return days === null ? "Events are kept forever." : `Events are kept for ${days} ${days === 1 ? "day" : "days"}.`;
}

/** The OWNER's retention setting; everyone else sees it read-only. */
export function RetentionSetting({ retentionDays, canManage }: { retentionDays: number | null; canManage: boolean }) {
  return (
    <section aria-labelledby="retention-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="retention-heading" className="text-base font-semibold text-slate-900">
        Retention
      </h2>
      <p className="text-sm text-slate-700">{retentionText(retentionDays)}</p>
      {canManage ? <RetentionForm retentionDays={retentionDays} /> : null}
    </section>
  );
}

function RetentionForm({ retentionDays }: { retentionDays: number | null }) {
  const router = useRouter();
  const form = useForm<RetentionForm>({
    resolver: zodResolver(retentionFormSchema),
    defaultValues: { keepForever: retentionDays === null, retentionDays: retentionDays === null ? "" : String(retentionDays) },
  });
  const { formError, submit } = useFormAction(form, ["retentionDays"]);
  const keepForever = useWatch({ control: form.control, name: "keepForever" });
  const error = form.formState.errors.retentionDays?.message;

  const onSubmit = form.handleSubmit(async (values) => {
    const days = values.keepForever ? null : Number((values.retentionDays ?? "").trim());
    const result = await submit(() => setAuditRetentionAction({ retentionDays: days }));
    if (!result.ok) return;
    const { purged } = result.data;
    toast.success(`Retention saved. ${retentionText(result.data.retentionDays)}${purged ? ` ${purged} older ${purged === 1 ? "event was" : "events were"} deleted.` : ""}`);
    form.reset({ keepForever: days === null, retentionDays: days === null ? "" : String(days) });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 border-t border-slate-100 pt-3">
      <FormError message={formError} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Keep audit events for</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4 accent-indigo-600" {...form.register("keepForever")} />
          Keep forever
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="retention-days" className="text-sm text-slate-700">
            Retention (days)
          </label>
          <Input
            type="number"
            min={1}
            max={36_500}
            step={1}
            disabled={keepForever}
            className="w-32"
            {...fieldA11y("retention-days", error)}
            {...form.register("retentionDays")}
          />
        </div>
        {error ? (
          <p id="retention-days-error" role="alert" className="text-sm text-red-600">
            {error}
          </p>
        ) : null}
        <p className="text-xs text-slate-500">Events older than this are deleted when you save, then once a day. The hash chain stays verifiable.</p>
      </fieldset>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        Save retention
      </Button>
    </form>
  );
}
