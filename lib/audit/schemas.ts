import { z } from "zod";
import { boundedDateTime } from "@/lib/validation/dates";
import { int64Id } from "@/lib/validation/ids";
import { singleLineText } from "@/lib/validation/text";
import { AUDIT_ACTION_FILTERS } from "./actions";

const toArray = (value: unknown) => (value === undefined || value === "" ? undefined : Array.isArray(value) ? value : [value]);

// The audit log's filters, shared by the page (URL), the exports and the API. Paging is keyset: `before`
// (older than this id) or `after` (newer than this id), never OFFSET.
export const auditFilterSchema = z.object({
  actor: singleLineText().trim().max(200).optional().describe("Part of the actor's name or email, or its id"),
  action: z.preprocess(toArray, z.array(z.enum(AUDIT_ACTION_FILTERS)).max(AUDIT_ACTION_FILTERS.length).optional()),
  target: singleLineText().trim().max(200).optional().describe("Part of the target's name, or its id"),
  result: z.enum(["SUCCESS", "FAILURE", "DENIED"]).optional(),
  from: boundedDateTime().optional(),
  to: boundedDateTime().optional(),
  q: singleLineText().trim().min(2).max(200).optional().describe("Free text over names, action and metadata"),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;
export const auditPageSchema = auditFilterSchema.extend({
  before: int64Id().optional(),
  after: int64Id().optional(),
  pageSize: z.coerce.number().int().refine((n) => (AUDIT_PAGE_SIZES as readonly number[]).includes(n)).default(50),
});
export type AuditPageParams = z.output<typeof auditPageSchema>;

export const exportFormatSchema = z.enum(["csv", "ndjson"]);

export const setRetentionSchema = z.object({
  retentionDays: z.coerce.number().int().min(1, "Keep events for at least 1 day").max(36_500).nullable(),
});
export type SetRetentionInput = z.input<typeof setRetentionSchema>;
