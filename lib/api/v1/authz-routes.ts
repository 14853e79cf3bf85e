import { apiRoute } from "@/lib/api/route";
import { reportOutsideEventBody } from "@/lib/authz/outside-event-schema";
import { authorizeBody } from "@/lib/authz/schemas";
import { authorizeViaApi, reportOutsideEventViaApi } from "./authz";

/** What other services ask Keyhold (authorize) and tell it (outside events); introspection is in routes.ts. */
export const AUTHZ_ROUTES = [
  /** May this token do this, here, from there: INTROSPECTOR and ADMIN tokens (tokens.introspect, scope tokens:introspect). */
  apiRoute({
    method: "POST",
    path: "/api/v1/authorize",
    operationId: "authorizeToken",
    tag: "Tokens",
    permission: "tokens.introspect",
    body: authorizeBody,
    form: true,
    handler: ({ body }, caller) => authorizeViaApi(body, caller),
  }),
  /** An event from another service, whose actor is the token that acted there (audit.write, scope audit:write). */
  apiRoute({
    method: "POST",
    path: "/api/v1/audit-events",
    operationId: "reportAuditEvent",
    tag: "Audit",
    permission: "audit.write",
    body: reportOutsideEventBody,
    handler: ({ body }, caller) => reportOutsideEventViaApi(body, caller),
  }),
];
