import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { validationDetails, zodDetails } from "@/lib/api/api-error";
import { actorParty } from "@/lib/auth/actor";
import { requireRouteActor } from "@/lib/auth/route-guard";
import { countAuditEvents, EXPORT_CONTENT_TYPES, exportAuditEvents } from "@/lib/audit/export-audit-events";
import { auditFilterSchema, exportFormatSchema } from "@/lib/audit/schemas";
import { isCrossSiteRequest } from "@/lib/http/cross-site";
import { requestMeta } from "@/lib/http/request-context";

/** GET /admin/audit-log/export?format=csv|ndjson&<filters>: the current filter's events, streamed. */
export async function GET(request: NextRequest) {
  // A link on another site would start a download in the auditor's name and write audit.exported.
  if (isCrossSiteRequest(request.headers)) {
    return NextResponse.json({ error: { code: "forbidden", message: "Start the export from the audit log." } }, { status: 403 });
  }
  const actor = await requireRouteActor("audit.read");
  if (actor instanceof NextResponse) return actor;
  const params = request.nextUrl.searchParams;
  const format = exportFormatSchema.safeParse(params.get("format"));
  const filter = auditFilterSchema.safeParse({ ...Object.fromEntries(params), action: params.getAll("action") });
  if (!format.success || !filter.success) {
    const details = format.success ? zodDetails(filter.error!) : validationDetails({ format: ["csv or ndjson"] });
    return NextResponse.json({ error: { code: "validation", message: "Invalid export request.", details } }, { status: 422 });
  }
  const total = await countAuditEvents(filter.data);
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(exportAuditEvents(format.data, filter.data, actorParty(actor), await requestMeta()), {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format.data],
      "Content-Disposition": `attachment; filename="keyhold-audit-${stamp}.${format.data === "csv" ? "csv" : "ndjson"}"`,
      "X-Total-Count": String(total),
      "Cache-Control": "no-store",
    },
  });
}
