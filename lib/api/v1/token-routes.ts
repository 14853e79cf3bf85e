import { apiRoute } from "@/lib/api/route";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { idParams } from "./schemas";
import { serviceAccountVisible } from "./service-accounts";
import { addOrRegenerateViaApi, listTokensViaApi, rotateViaApi, tokenVisible, updateTokenViaApi } from "./token-api";
import { addOrRegenerateBody, rotateTokenRequest, updateTokenRequest } from "./token-schemas";

/** Several tokens per service account: list, add (or the deprecated regenerate), rotate, update. */
export const TOKEN_ROUTES = [
  apiRoute({
    method: "GET",
    path: "/api/v1/service-accounts/{id}/tokens",
    operationId: "listTokens",
    tag: "Tokens",
    permission: "service_accounts.read_own",
    params: idParams,
    handler: ({ params }, caller) => listTokensViaApi(caller, params.id),
  }),
  apiRoute({
    method: "POST",
    path: "/api/v1/service-accounts/{id}/tokens",
    operationId: "addToken",
    tag: "Tokens",
    permission: "service_accounts.manage_own",
    scope: "tokens:write",
    params: idParams,
    found: ({ id }, caller) => serviceAccountVisible(caller, id, serviceAccountActions.addToken),
    body: addOrRegenerateBody,
    handler: ({ params, body }, caller) => addOrRegenerateViaApi(caller, params.id, body),
  }),
  apiRoute({
    method: "POST",
    path: "/api/v1/tokens/{id}/rotate",
    operationId: "rotateToken",
    tag: "Tokens",
    permission: "service_accounts.manage_own",
    scope: "tokens:write",
    params: idParams,
    found: ({ id }, caller) => tokenVisible(caller, id, serviceAccountActions.rotateToken),
    body: rotateTokenRequest,
    handler: ({ params, body }, caller) => rotateViaApi(caller, params.id, body),
  }),
  apiRoute({
    method: "PATCH",
    path: "/api/v1/tokens/{id}",
    operationId: "updateToken",
    tag: "Tokens",
    permission: "service_accounts.manage_own",
    scope: "tokens:write",
    params: idParams,
    found: ({ id }, caller) => tokenVisible(caller, id, serviceAccountActions.updateToken),
    body: updateTokenRequest,
    handler: ({ params, body }, caller) => updateTokenViaApi(caller, params.id, body),
  }),
];
