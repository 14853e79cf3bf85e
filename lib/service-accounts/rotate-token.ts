import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, type Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db, type Tx } from "@/lib/db/client";
import type { ApiToken, ServiceAccount } from "@/lib/db/generated/client";
import { conflictError } from "@/lib/errors";
import { issueToken } from "@/lib/tokens/token-format";
import { tokensChanged } from "@/lib/tokens/token-events";
import { assertAccountAccess } from "./access";
import type { RevealedToken } from "./create-service-account";
import { accountTarget } from "./owner";
import { assertExpiryWithinPolicy, fitToPolicy, loadTokenPolicy } from "@/lib/policy/token-policy";
import { checkNewExpiry, keepUntil, newTokenExpiry } from "./token-expiry";
import type { rotateTokenSchema } from "./token-schemas";
import { scopeGift, storedScopes } from "./token-scopes";
import { assertTokenNameFree, lockToken, syncAccountStatus, tokenAuditFields } from "./token-store";

export type RotatedToken = RevealedToken & { name: string; previous: { id: string; expiresAt: string | null } };

/** Rotates one token: a new value with the same Token ID, description, scopes and ranges; the old one dies now or later. */
export async function rotateToken(input: z.output<typeof rotateTokenSchema>, { actor, meta }: ActionContext): Promise<RotatedToken> {
  const result = await db.$transaction(async (tx) => {
    const token = await lockToken(tx, input.tokenId);
    assertAccountAccess(actor, token?.serviceAccount ?? null, { action: "manage", scope: "tokens:write" });
    if (token!.revokedAt) throw conflictError("This token is revoked: add a new token instead.");
    if (token!.replacedById) throw conflictError("This token was already rotated: rotate its replacement.");
    return rotateLocked(tx, token!, token!.serviceAccount, input, actor, async (rotated) => {
      await audit(tx, meta, {
        action: "token.rotated",
        actor: actorParty(actor),
        target: accountTarget(token!.serviceAccount),
        metadata: { before: tokenAuditFields(rotated.previous), after: tokenAuditFields(rotated.token) },
      });
    });
  });
  await tokensChanged(result.serviceAccountId);
  return result.revealed;
}

type Rotation = { previousTokenExpiresAt: string | null; expiresAt?: string | null };
type Rotated = { previous: ApiToken; token: ApiToken };

/**
 * The rotation itself, under the account's lock (also the list's Regenerate, for the primary token). An expired
 * or revoked token keeps its end; a live one ends now or at the chosen time.
 */
export async function rotateLocked(tx: Tx, old: ApiToken, account: ServiceAccount, rotation: Rotation, actor: Actor, record: (rotated: Rotated) => Promise<void>) {
  // Rotating hands out the token's access again: the actor must be able to give it.
  const give = await scopeGift(tx, account.role, storedScopes(old), false);
  assertAccountAccess(actor, account, { action: "manage", scope: "tokens:write", give });
  const now = new Date();
  const alive = !old.revokedAt && (!old.expiresAt || old.expiresAt > now);
  const policy = await loadTokenPolicy(tx);
  const previousExpiresAt = alive ? keepUntil(rotation.previousTokenExpiresAt, old, now) : old.expiresAt;
  // Keeping the old token is giving it a new end: the policy counts it from when that token was made.
  if (alive && rotation.previousTokenExpiresAt !== null) assertExpiryWithinPolicy(policy, account.role, previousExpiresAt, old.createdAt, "previousTokenExpiresAt");
  let expiresAt = newTokenExpiry(rotation.expiresAt, old, now);
  if (rotation.expiresAt) checkNewExpiry(expiresAt, now);
  // A chosen expiry must be within the policy; "the same lifetime as before" is brought within it.
  if (rotation.expiresAt === undefined) expiresAt = fitToPolicy(policy, account.role, expiresAt, now);
  else assertExpiryWithinPolicy(policy, account.role, expiresAt, now, "expiresAt");
  await assertTokenNameFree(tx, account.id, old.name, now, old.id);
  const issued = issueToken();
  const token = await tx.apiToken.create({
    data: {
      serviceAccountId: account.id,
      publicId: issued.publicId,
      secretHash: issued.secretHash,
      hint: issued.hint,
      name: old.name,
      description: old.description,
      expiresAt,
      fullAccess: old.fullAccess,
      scopes: old.scopes,
      allowedIps: old.allowedIps,
      createdById: actor.id,
      createdAt: now,
    },
  });
  const previous = await tx.apiToken.update({ where: { id: old.id }, data: { expiresAt: previousExpiresAt, replacedById: token.id } });
  await syncAccountStatus(tx, account.id);
  await record({ previous, token });
  return {
    serviceAccountId: account.id,
    revealed: {
      id: token.id,
      name: token.name,
      publicId: token.publicId,
      value: issued.value,
      hint: token.hint,
      expiresAt: expiresAt?.toISOString() ?? null,
      previous: { id: previous.id, expiresAt: previous.expiresAt?.toISOString() ?? null },
    },
  };
}
