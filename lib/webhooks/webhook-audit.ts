import type { AuditParty, AuditTarget } from "@/lib/audit/audit";
import type { RequestMeta } from "@/lib/http/request-context";

/** Who the audit trail names for what deliveries do on their own (disable an endpoint, give up on an event). */
export const SYSTEM_PARTY: AuditParty = { type: "SYSTEM", name: "Webhook delivery" };
export const SYSTEM_META: RequestMeta = { ip: null, userAgent: null, requestId: "webhook-delivery" };

export const webhookTarget = (endpoint: { id: string; url: string }): AuditTarget => ({ type: "webhook", id: endpoint.id, name: endpoint.url.slice(0, 200) });
