import { apiError } from "@/lib/api/api-error";
import { json } from "@/lib/api/api-reply";
import { apiRoute } from "@/lib/api/route";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { listCheckpoints } from "@/lib/audit/checkpoints/find-checkpoints";
import { exportViaApi, listAuditEvents } from "./audit-events";
import { CATALOG_ROUTES } from "./catalog-routes";
import {
  createServiceAccountBody,
  cursorQuery,
  idParams,
  exportAuditEventsQuery,
  listAuditEventsQuery,
  listServiceAccountsQuery,
  tokenParameterBody,
  updateServiceAccountBody,
} from "./schemas";
import { createViaApi, deleteViaApi, getViaApi, listServiceAccounts, resumeViaApi, revokeViaApi, serviceAccountVisible, updateViaApi } from "./service-accounts";
import { TOKEN_ROUTES } from "./token-routes";
import { AUTHZ_ROUTES } from "./authz-routes";
import { introspect, revokeByValue } from "./tokens";
import { introspectBody } from "./authz-schemas";
import { listUsers } from "./users";
import { WEBHOOK_ROUTES } from "./webhook-routes";

/** Every token-authenticated endpoint. lib/api/server.ts serves them; lib/api/v1/openapi.ts documents them. */
export const API_ROUTES = [
  apiRoute({
    method: "GET",
    path: "/api/v1/whoami",
    operationId: "whoami",
    tag: "Service accounts",
    permission: null,
    handler: (_input, { actor, token }) =>
      json({
        serviceAccount: { id: actor.id, name: actor.name, role: actor.role, ownerId: actor.ownerId },
        token: { id: token.id, hint: token.hint, expiresAt: token.expiresAt?.toISOString() ?? null },
      }),
  }),

  apiRoute({
    method: "GET",
    path: "/api/v1/service-accounts",
    operationId: "listServiceAccounts",
    tag: "Service accounts",
    permission: "service_accounts.read_own",
    query: listServiceAccountsQuery,
    handler: async ({ query }, caller) => json(await listServiceAccounts(caller, query)),
  }),
  apiRoute({
    method: "POST",
    path: "/api/v1/service-accounts",
    operationId: "createServiceAccount",
    tag: "Service accounts",
    permission: "service_accounts.create",
    body: createServiceAccountBody,
    handler: ({ body }, caller) => createViaApi(caller, body),
  }),
  apiRoute({
    method: "GET",
    path: "/api/v1/service-accounts/{id}",
    operationId: "getServiceAccount",
    tag: "Service accounts",
    permission: "service_accounts.read_own",
    params: idParams,
    handler: async ({ params }, caller) => {
      const found = await getViaApi(caller, params.id);
      return found ? json(found) : apiError("not_found", "Service account not found.");
    },
  }),
  apiRoute({
    method: "PATCH",
    path: "/api/v1/service-accounts/{id}",
    operationId: "updateServiceAccount",
    tag: "Service accounts",
    permission: "service_accounts.manage_own",
    params: idParams,
    found: ({ id }, caller) => serviceAccountVisible(caller, id, serviceAccountActions.update),
    body: updateServiceAccountBody,
    handler: ({ params, body }, caller) => updateViaApi(caller, params.id, body),
  }),
  apiRoute({
    method: "DELETE",
    path: "/api/v1/service-accounts/{id}",
    operationId: "deleteServiceAccount",
    tag: "Service accounts",
    permission: "service_accounts.manage_own",
    params: idParams,
    handler: ({ params }, caller) => deleteViaApi(caller, params.id),
  }),

  ...TOKEN_ROUTES,
  apiRoute({
    method: "POST",
    path: "/api/v1/tokens/{id}/revoke",
    operationId: "revokeTokenById",
    tag: "Tokens",
    permission: "service_accounts.manage_own",
    scope: "tokens:write",
    params: idParams,
    handler: ({ params }, caller) => revokeViaApi(caller, params.id),
  }),
  /** Resume a token the stale-token policy suspended. */
  apiRoute({
    method: "POST",
    path: "/api/v1/tokens/{id}/resume",
    operationId: "resumeToken",
    tag: "Tokens",
    permission: "service_accounts.manage_own",
    scope: "tokens:write",
    params: idParams,
    handler: ({ params }, caller) => resumeViaApi(caller, params.id),
  }),

  apiRoute({
    method: "GET",
    path: "/api/v1/users",
    operationId: "listUsers",
    tag: "Users",
    permission: "users.read",
    query: cursorQuery,
    handler: async ({ query }) => json(await listUsers(query)),
  }),

  /** A page of events (cursor). format=ndjson: the export below (a deprecated alias). */
  apiRoute({
    method: "GET",
    path: "/api/v1/audit-events",
    operationId: "listAuditEvents",
    tag: "Audit",
    permission: "audit.read",
    query: listAuditEventsQuery,
    handler: async ({ query }, caller) => (query.format === "json" ? json(await listAuditEvents(query)) : exportViaApi(caller, query)),
  }),
  /** Every matching event, oldest first, streamed as NDJSON (SIEM pulls); `after` resumes after an event id. */
  apiRoute({
    method: "GET",
    path: "/api/v1/audit-events/export",
    operationId: "exportAuditEvents",
    tag: "Audit",
    permission: "audit.read",
    query: exportAuditEventsQuery,
    handler: async ({ query }, caller) => exportViaApi(caller, query),
  }),

  /** RFC 7662 token introspection: how the user's other services check a Keyhold token. */
  apiRoute({
    method: "POST",
    path: "/api/v1/introspect",
    operationId: "introspectToken",
    tag: "Tokens",
    permission: "tokens.introspect",
    body: introspectBody,
    form: true,
    handler: ({ body }) => introspect(body),
  }),
  /** RFC 7009 token revocation: any valid token may call it (what it may revoke is the access rule's). */
  apiRoute({
    method: "POST",
    path: "/api/v1/revoke",
    operationId: "revokeToken",
    tag: "Tokens",
    permission: null,
    body: tokenParameterBody,
    form: true,
    handler: ({ body }, caller) => revokeByValue(caller, body.token),
  }),

  /** Signed audit checkpoints, newest first. Their public key: GET /api/v1/audit-checkpoints/public-key (no token). */
  apiRoute({
    method: "GET",
    path: "/api/v1/audit-checkpoints",
    operationId: "listAuditCheckpoints",
    tag: "Audit",
    permission: "audit.read",
    query: cursorQuery,
    handler: async ({ query }) => json(await listCheckpoints(query)),
  }),
  ...CATALOG_ROUTES,
  ...AUTHZ_ROUTES,
  ...WEBHOOK_ROUTES,
];
