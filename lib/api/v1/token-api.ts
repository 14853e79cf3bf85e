import type { z } from "zod";
import { runAction } from "@/lib/actions/run-action";
import { recordActionRefusal } from "@/lib/actions/record-action-refusal";
import type { ServiceAccountActor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-context";
import { assertAccountAccess } from "@/lib/service-accounts/access";
import { serviceAccountActions } from "@/lib/service-accounts/action-definitions";
import { findAccountTokens } from "@/lib/service-accounts/find-tokens";
import { json } from "../api-reply";
import { apiError } from "../api-error";
import { respond } from "./respond";
import { regenerateViaApi } from "./service-accounts";
import { tokenItemResponse, type addOrRegenerateBody, type rotateTokenRequest, type updateTokenRequest } from "./token-schemas";

type Caller = { actor: ServiceAccountActor; meta: RequestMeta };

export async function listTokensViaApi({ actor }: Caller, serviceAccountId: string) {
  const found = await findAccountTokens(actor, serviceAccountId);
  if (!found) return apiError("not_found", "Service account not found.");
  return json({ data: found.tokens.map((token) => tokenItemResponse.parse(token)), nextCursor: null });
}

/** A new named token; a body with only previousTokenExpiresAt is the deprecated regenerate of the primary token. */
export async function addOrRegenerateViaApi(caller: Caller, serviceAccountId: string, body: z.output<typeof addOrRegenerateBody>) {
  if (body.kind === "regenerate") return regenerateViaApi(caller, serviceAccountId, body);
  const { name, description, expiresAt, scopes, allowedIps } = body;
  const input = { serviceAccountId, name, description, expiresAt, scopes, allowedIps };
  const result = await runAction(serviceAccountActions.addToken, input, caller.actor, caller.meta);
  if (!result.ok) return respond(result, () => null);
  const view = await tokenViewOf(caller, serviceAccountId, result.data.id);
  return json({ token: { ...view, value: result.data.value } }, 201);
}

export async function rotateViaApi(caller: Caller, tokenId: string, body: z.output<typeof rotateTokenRequest>) {
  const result = await runAction(serviceAccountActions.rotateToken, { tokenId, ...body }, caller.actor, caller.meta);
  if (!result.ok) return respond(result, () => null);
  const account = await db.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: { serviceAccountId: true } });
  const view = await tokenViewOf(caller, account.serviceAccountId, result.data.id);
  return json({ token: { ...view, value: result.data.value }, previousToken: result.data.previous }, 201);
}

export async function updateTokenViaApi(caller: Caller, tokenId: string, body: z.output<typeof updateTokenRequest>) {
  const result = await runAction(serviceAccountActions.updateToken, { tokenId, ...body }, caller.actor, caller.meta);
  if (!result.ok) return respond(result, () => null);
  const account = await db.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: { serviceAccountId: true } });
  return json({ token: await tokenViewOf(caller, account.serviceAccountId, tokenId) });
}

async function tokenViewOf({ actor }: Caller, serviceAccountId: string, tokenId: string) {
  const found = await findAccountTokens(actor, serviceAccountId);
  return tokenItemResponse.parse(found?.tokens.find((token) => token.id === tokenId));
}

/**
 * The 404-first check of the token routes that read a body (lib/api/route.ts `found`): the token exists and the
 * caller may see its account (the read half of the one access rule); otherwise recorded like any refusal.
 */
export async function tokenVisible({ actor, meta }: Caller, tokenId: string, action: { name: string; permission: Permission }): Promise<boolean> {
  const token = await db.apiToken.findUnique({ where: { id: tokenId }, select: { serviceAccount: { select: { id: true, name: true, ownerId: true, role: true } } } });
  try {
    assertAccountAccess(actor, token?.serviceAccount ?? null, { action: "read" });
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    recordActionRefusal(action, actor, meta, error, true);
    return false;
  }
}
