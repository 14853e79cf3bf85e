import { Badge } from "@/components/ui/badge";
import { AUDIT_RESULTS, type AuditResultValue } from "./audit-labels";

/** An audit event's result (Success, Failure, Denied) as a coloured badge. */
export function ResultBadge({ result }: { result: string }) {
  const shown = AUDIT_RESULTS[result as AuditResultValue] ?? { tone: "gray", label: result };
  return <Badge tone={shown.tone}>{shown.label}</Badge>;
}
