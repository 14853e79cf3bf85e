import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { tokensChanged } from "@/lib/tokens/token-events";
import { validationError } from "@/lib/errors";
import { issueToken } from "@/lib/tokens/token-format";
import { assertAccountAccess } from "./access";
import type { RevealedToken } from "./create-service-account";
import { lockAccount } from "./lock-account";
import { accountTarget } from "./owner";
import type { regenerateTokenSchema } from "./schemas";

/**
 * Issues a new token for the account. The previous one dies now, or at the chosen time (never later than its
 * own expiry). The new token keeps the previous one's lifetime (30 days stays 30 days; never stays never).
 */
export async function regenerateToken(input: z.output<typeof regenerateTokenSchema>, { actor, meta }: ActionContext): Promise<RevealedToken> {
  const issued = issueToken();
  const result = await db.$transaction(async (tx) => {
    // Two regenerations of one account run one after the other, so the second sees the first's token as the
    // previous one and never leaves two tokens without a scheduled expiry.
    await lockAccount(tx, input.serviceAccountId);
    const account = await tx.serviceAccount.findUnique({ where: { id: input.serviceAccountId } });
    assertAccountAccess(actor, account, { action: "manage", scope: "tokens:write" });
    const now = new Date();
    const previous = await tx.apiToken.findFirst({ where: { serviceAccountId: account.id, replacedById: null }, orderBy: { createdAt: "desc" } });
    const previousAlive = previous && !previous.revokedAt && (!previous.expiresAt || previous.expiresAt > now);
    let previousExpiresAt = previous?.expiresAt ?? null;
    if (previousAlive) {
      previousExpiresAt = input.previousToken === "keep_until" ? new Date(input.previousTokenExpiresAt!) : now;
      if (previous.expiresAt && previousExpiresAt > previous.expiresAt) {
        const own = previous.expiresAt.toISOString().slice(0, 16).replace("T", " ");
        throw validationError({ previousTokenExpiresAt: [`Must not be after the token's own expiry (${own} UTC)`] });
      }
    }
    const lifetime = previous?.expiresAt ? previous.expiresAt.getTime() - previous.createdAt.getTime() : null;
    const expiresAt = lifetime ? new Date(now.getTime() + lifetime) : null;
    const token = await tx.apiToken.create({
      data: { serviceAccountId: account.id, publicId: issued.publicId, secretHash: issued.secretHash, hint: issued.hint, expiresAt, createdById: actor.id, createdAt: now },
    });
    if (previous) await tx.apiToken.update({ where: { id: previous.id }, data: { expiresAt: previousExpiresAt, replacedById: token.id } });
    await tx.serviceAccount.update({ where: { id: account.id }, data: { tokenExpiresAt: expiresAt, tokenRevokedAt: null } });
    await audit(tx, meta, {
      action: "token.regenerated",
      actor: actorParty(actor),
      target: accountTarget(account),
      metadata: {
        tokenId: token.id,
        hint: token.hint,
        expiresAt: expiresAt?.toISOString() ?? null,
        previousTokenId: previous?.id ?? null,
        previousTokenExpiresAt: previousExpiresAt?.toISOString() ?? null,
      },
    });
    return { id: token.id, publicId: token.publicId, value: issued.value, hint: token.hint, expiresAt: expiresAt?.toISOString() ?? null };
  });
  await tokensChanged(input.serviceAccountId);
  return result;
}
