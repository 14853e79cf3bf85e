import { apiError } from "@/lib/api/api-error";
import { json } from "@/lib/api/api-reply";
import { authenticateToken } from "@/lib/api/authenticate-token";
import { apiRoute } from "@/lib/api/route";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { actorParty } from "@/lib/auth/actor";
import { listCheckpoints } from "@/lib/audit/checkpoints/find-checkpoints";
import { EXPORT_CONTENT_TYPES, exportAuditEvents } from "@/lib/audit/export-audit-events";
import { apiEvent, listAuditEvents, toAuditFilter } from "./audit-events";
import {
  createServiceAccountBody,
  cursorQuery,
  idParams,
  introspectBody,
  listAuditEventsQuery,
  listServiceAccountsQuery,
  regenerateTokenBody,
  updateServiceAccountBody,
} from "./schemas";
import { createViaApi, deleteViaApi, getViaApi, listServiceAccounts, regenerateViaApi, revokeViaApi, serviceAccountVisible, updateViaApi } from "./service-accounts";
import { listUsers } from "./users";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Every token-authenticated endpoint. lib/api/server.ts serves them; lib/api/v1/openapi.ts documents them. */
export const API_ROUTES = [
  apiRoute({
    method: "GET",
    path: "/api/v1/whoami",
    permission: null,
    handler: async (_input, { actor, token }) =>
      json({
        serviceAccount: { id: actor.id, name: actor.name, role: actor.role, ownerId: actor.ownerId },
        token: { id: token.id, hint: token.hint, expiresAt: token.expiresAt?.toISOString() ?? null },
      }),
  }),

  apiRoute({
    method: "GET",
    path: "/api/v1/service-accounts",
    permission: "service_accounts.read_own",
    query: listServiceAccountsQuery,
    handler: async ({ query }, caller) => json(await listServiceAccounts(caller, query)),
  }),
  apiRoute({
    method: "POST",
    path: "/api/v1/service-accounts",
    permission: "service_accounts.create",
    body: createServiceAccountBody,
    handler: ({ body }, caller) => createViaApi(caller, body),
  }),
  apiRoute({
    method: "GET",
    path: "/api/v1/service-accounts/{id}",
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
    permission: "service_accounts.manage_own",
    params: idParams,
    found: ({ id }, caller) => serviceAccountVisible(caller, id, serviceAccountActions.update),
    body: updateServiceAccountBody,
    handler: ({ params, body }, caller) => updateViaApi(caller, params.id, body),
  }),
  apiRoute({
    method: "DELETE",
    path: "/api/v1/service-accounts/{id}",
    permission: "service_accounts.manage_own",
    params: idParams,
    handler: ({ params }, caller) => deleteViaApi(caller, params.id),
  }),

  /** Regenerate: a new token; the previous one stops now or at previousTokenExpiresAt. */
  apiRoute({
    method: "POST",
    path: "/api/v1/service-accounts/{id}/tokens",
    permission: "service_accounts.manage_own",
    params: idParams,
    found: ({ id }, caller) => serviceAccountVisible(caller, id, serviceAccountActions.regenerate),
    body: regenerateTokenBody,
    handler: ({ params, body }, caller) => regenerateViaApi(caller, params.id, body),
  }),
  apiRoute({
    method: "POST",
    path: "/api/v1/tokens/{id}/revoke",
    permission: "service_accounts.manage_own",
    params: idParams,
    handler: ({ params }, caller) => revokeViaApi(caller, params.id),
  }),

  apiRoute({
    method: "GET",
    path: "/api/v1/users",
    permission: "users.read",
    query: cursorQuery,
    handler: async ({ query }) => json(await listUsers(query)),
  }),

  /** A page of events (cursor), or with format=ndjson every matching event streamed, as the console's export. */
  apiRoute({
    method: "GET",
    path: "/api/v1/audit-events",
    permission: "audit.read",
    query: listAuditEventsQuery,
    handler: async ({ query }, { actor, meta }) => {
      if (query.format === "json") return json(await listAuditEvents(query));
      const stream = exportAuditEvents("ndjson", toAuditFilter(query), actorParty(actor), meta, apiEvent);
      return { status: 200, body: stream, headers: { "Content-Type": EXPORT_CONTENT_TYPES.ndjson } };
    },
  }),

  /** RFC 7662 token introspection: how the user's other services check a Keyhold token. */
  apiRoute({
    method: "POST",
    path: "/api/v1/introspect",
    permission: "tokens.introspect",
    body: introspectBody,
    handler: async ({ body }) => {
      const found = await authenticateToken(body.token);
      if (!found) return json({ active: false });
      return json({
        active: true,
        sub: found.actor.id,
        client_name: found.actor.name,
        role: found.actor.role,
        token_id: found.token.id,
        token_type: "Bearer",
        iat: seconds(found.token.createdAt),
        ...(found.token.expiresAt ? { exp: seconds(found.token.expiresAt) } : {}),
      });
    },
  }),

  /** Signed audit checkpoints, newest first. Their public key: GET /api/v1/audit-checkpoints/public-key (no token). */
  apiRoute({
    method: "GET",
    path: "/api/v1/audit-checkpoints",
    permission: "audit.read",
    query: cursorQuery,
    handler: async ({ query }) => json(await listCheckpoints(query)),
  }),
];
