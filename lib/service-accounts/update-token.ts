import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { roleScopes } from "@/lib/auth/scopes";
import { audit } from "@/lib/audit/audit";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { db } from "@/lib/db/client";
import { conflictError, validationError, type FieldErrors } from "@/lib/errors";
import { tokensChanged } from "@/lib/tokens/token-events";
import { assertAccountAccess } from "./access";
import { accountTarget } from "./owner";
import type { updateTokenSchema } from "./token-schemas";
import { scopeColumns, storedScopes } from "./token-scopes";
import { lockToken } from "./token-store";

/** Changes a token's description and allowed ranges, and narrows its scopes (never widens them). */
export async function updateToken(input: z.output<typeof updateTokenSchema>, { actor, meta }: ActionContext) {
  const result = await db.$transaction(async (tx) => {
    const token = await lockToken(tx, input.tokenId);
    assertAccountAccess(actor, token?.serviceAccount ?? null, { action: "manage", scope: "tokens:write" });
    if (token!.revokedAt || token!.replacedById) throw conflictError("This token is no longer current: it cannot be changed.");
    const current = storedScopes(token!);
    const scopes = input.scopes === undefined ? current : input.scopes;
    const errors = narrowingErrors(token!.serviceAccount.role, current, scopes);
    if (errors) throw validationError(errors);
    const description = input.description ?? token!.description;
    const allowedIps = input.allowedIps ?? token!.allowedIps;
    const updated = await tx.apiToken.update({ where: { id: token!.id }, data: { description, allowedIps, ...scopeColumns(scopes) } });
    await audit(tx, meta, {
      action: "token.updated",
      actor: actorParty(actor),
      target: accountTarget(token!.serviceAccount),
      metadata: {
        tokenId: token!.id,
        name: token!.name,
        before: { description: token!.description, allowedIps: token!.allowedIps, scopes: current },
        after: { description, allowedIps, scopes: storedScopes(updated) },
      },
    });
    return updated;
  });
  await tokensChanged(result.serviceAccountId);
  return { id: result.id };
}

/**
 * What is wrong with `next` as a narrowing of `current` (null: full access, which holds the role's built-in
 * scopes and no custom ones). Pure, so the rule is tested without a database.
 */
export function narrowingErrors(role: ServiceAccountRole, current: readonly string[] | null, next: readonly string[] | null): FieldErrors | null {
  if (next === null) return current === null ? null : { scopes: ["Scopes may only be narrowed: a token with scopes cannot get full access back"] };
  const errors: FieldErrors = {};
  next.forEach((scope, index) => {
    if (current !== null && !current.includes(scope)) errors[`scopes.${index}`] = [`Scopes may only be narrowed: the token does not have ${scope}`];
    else if (current === null && !(roleScopes(role) as string[]).includes(scope)) {
      errors[`scopes.${index}`] = [`Scopes may only be narrowed: full access of the ${role} role does not include ${scope}`];
    }
  });
  return Object.keys(errors).length ? errors : null;
}
