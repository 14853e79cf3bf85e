import type { RouteConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodType } from "zod";
import { jsonContent } from "./openapi-components";
import { idParams, regenerateTokenBody } from "./schemas";
import { addTokenBody, rotateTokenBody, rotateTokenResponse, tokenItemResponse, tokenWithValueResponse, updateTokenBody } from "./token-schemas";
import { revealedTokenResponse } from "./schemas";

type Helpers = {
  route: (config: RouteConfig) => void;
  ok: (description: string, schema?: ZodType) => NonNullable<RouteConfig["responses"]>[string];
  errors: (...statuses: number[]) => NonNullable<RouteConfig["responses"]>;
};

/** The OpenAPI description of lib/api/v1/token-routes.ts (called from openapi.ts). */
export function documentTokenRoutes({ route, ok, errors }: Helpers) {
  const withBody = errors(400, 413, 415, 422);
  const TokenItem = tokenItemResponse.meta({ id: "Token" });
  const NewToken = tokenWithValueResponse.meta({ id: "NewToken" });
  const AddToken = addTokenBody.meta({ id: "AddTokenRequest" });
  const LegacyRegenerate = regenerateTokenBody.meta({
    id: "RegenerateTokenRequest",
    deprecated: true,
    description: "Deprecated: a body with only previousTokenExpiresAt regenerates the account's primary token (its first-created live token) as before. Use POST /api/v1/tokens/{id}/rotate.",
  });
  route({ method: "get", path: "/api/v1/service-accounts/{id}/tokens", summary: "List an account's tokens", description: "Live tokens first (the primary token first), then revoked, expired and rotated ones, newest first.", request: { params: idParams }, responses: { 200: ok("The tokens", z.object({ data: z.array(TokenItem), nextCursor: z.null().describe("Always null: one page") })), ...errors(400, 404) } });
  route({
    method: "post",
    path: "/api/v1/service-accounts/{id}/tokens",
    summary: "Add a token to an account",
    description:
      "A new token with its own Token ID (`name`, unique among the account's live tokens), description, expiry, scopes and allowed IP ranges. The value is in the answer only. A body with only `previousTokenExpiresAt` is the deprecated regenerate of the primary token (RegenerateTokenRequest); it answers with id, value, hint and expiresAt.",
    request: { params: idParams, body: { required: true, content: { "application/json": { schema: z.union([AddToken, LegacyRegenerate]) } } } },
    responses: { 201: ok("The new token; value is shown only here", z.object({ token: z.union([NewToken, revealedTokenResponse.meta({ id: "RevealedToken" })]) })), ...withBody, ...errors(403, 404, 409) },
  });
  route({
    method: "post",
    path: "/api/v1/tokens/{id}/rotate",
    summary: "Rotate a token",
    description: "A new value with the same Token ID, description, scopes and allowed ranges. The old token stops now or at `previousTokenExpiresAt`.",
    request: { params: idParams, body: { required: true, ...jsonContent(rotateTokenBody) } },
    responses: { 201: ok("The new token; value is shown only here", rotateTokenResponse.extend({ token: NewToken })), ...withBody, ...errors(403, 404, 409) },
  });
  route({
    method: "patch",
    path: "/api/v1/tokens/{id}",
    summary: "Change a token's description or allowed ranges, or narrow its scopes",
    request: { params: idParams, body: { required: true, ...jsonContent(updateTokenBody.meta({ minProperties: 1 })) } },
    responses: { 200: ok("Updated", z.object({ token: TokenItem })), ...withBody, ...errors(403, 404, 409) },
  });
}
