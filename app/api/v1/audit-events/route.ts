import { apiRoute, json } from "@/lib/api/route";
import { listAuditEvents } from "@/lib/api/v1/audit-events";
import { listAuditEventsQuery } from "@/lib/api/v1/schemas";

export const GET = apiRoute({
  permission: "audit.read",
  query: listAuditEventsQuery,
  handler: async ({ query }) => json(await listAuditEvents(query)),
});
