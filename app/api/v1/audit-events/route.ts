import { apiRoute, json } from "@/lib/api/route";
import { apiEvent, listAuditEvents, toAuditFilter } from "@/lib/api/v1/audit-events";
import { listAuditEventsQuery } from "@/lib/api/v1/schemas";
import { actorParty } from "@/lib/auth/actor";
import { EXPORT_CONTENT_TYPES, exportAuditEvents } from "@/lib/audit/export-audit-events";

/** A page of events (cursor), or with format=ndjson every matching event streamed, as the console's export. */
export const GET = apiRoute({
  permission: "audit.read",
  query: listAuditEventsQuery,
  handler: async ({ query }, { actor, meta }) => {
    if (query.format === "json") return json(await listAuditEvents(query));
    const stream = exportAuditEvents("ndjson", toAuditFilter(query), actorParty(actor), meta, apiEvent);
    return new Response(stream, { headers: { "Content-Type": EXPORT_CONTENT_TYPES.ndjson, "Cache-Control": "no-store" } });
  },
});
