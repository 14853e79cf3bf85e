import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { AuditToolbar } from "@/components/audit/audit-toolbar";
import { filterOf, parseActions } from "@/components/audit/audit-url";
import { CheckpointPanel } from "@/components/audit/checkpoint-panel";
import { RetentionSetting } from "@/components/audit/retention-setting";
import { auditKeyring } from "@/lib/audit/audit-keys";
import { checkpointJson, latestCheckpoint } from "@/lib/audit/checkpoints/find-checkpoints";
import { findAuditEvent, findAuditEvents } from "@/lib/audit/find-audit-events";
import { findExistingParties } from "@/lib/audit/find-existing-parties";
import { getAuditRetentionDays } from "@/lib/audit/retention";
import { auditPageSchema } from "@/lib/audit/schemas";
import { requirePageActor } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { parseSearchParams } from "@/lib/lists/list-params";
import { isInt64Id } from "@/lib/validation/ids";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit Log" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("audit.read");
  const sp = await searchParams;
  // parseSearchParams reads one value per key; `action` repeats, so it is read on its own.
  const params = { ...parseSearchParams(auditPageSchema, sp), action: parseActions(sp.action) };
  const eventId = typeof sp.event === "string" && isInt64Id(sp.event) ? sp.event : undefined;
  const [page, retentionDays, checkpoint] = await Promise.all([findAuditEvents(params), getAuditRetentionDays(), latestCheckpoint()]);
  const { signer } = auditKeyring();
  // An event opened by link (?event=) that is not on this page: loaded on its own for the panel.
  const focused = eventId && !page.rows.some((row) => row.id === eventId) ? await findAuditEvent(eventId) : null;
  const parties = await findExistingParties(focused ? [...page.rows, focused] : page.rows);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit Log"
        description="Every sign-in, change and refused request, newest first. Events are chained by hash, so an edited or removed event is detected."
        actions={<AuditToolbar filter={filterOf(params)} />}
      />
      <AuditLog page={page} state={{ ...params, event: eventId }} focused={focused} parties={parties} />
      <CheckpointPanel fingerprint={signer.fingerprint} publicKeyPem={signer.publicKeyPem} latest={checkpoint && checkpointJson(checkpoint)} />
      <RetentionSetting retentionDays={retentionDays} canManage={hasPermission(actor.role, "settings.manage")} />
    </div>
  );
}
