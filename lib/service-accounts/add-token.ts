import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { issueToken } from "@/lib/tokens/token-format";
import { tokensChanged } from "@/lib/tokens/token-events";
import { assertAccountAccess } from "./access";
import type { RevealedToken } from "./create-service-account";
import { lockAccount } from "./lock-account";
import { accountTarget } from "./owner";
import { assertExpiryWithinPolicy, loadTokenPolicy } from "@/lib/policy/token-policy";
import { checkNewExpiry, newTokenExpiry } from "./token-expiry";
import type { addTokenSchema } from "./token-schemas";
import { scopeColumns, scopeGift } from "./token-scopes";
import { assertTokenNameFree, syncAccountStatus, tokenAuditFields } from "./token-store";

/** Adds a named token to an account. Its plaintext leaves only in the result. */
export async function addToken(input: z.output<typeof addTokenSchema>, { actor, meta }: ActionContext): Promise<RevealedToken & { name: string }> {
  const issued = issueToken();
  const result = await db.$transaction(async (tx) => {
    await lockAccount(tx, input.serviceAccountId);
    const account = await tx.serviceAccount.findUnique({ where: { id: input.serviceAccountId } });
    assertAccountAccess(actor, account, { action: "manage", scope: "tokens:write" });
    const scopes = input.scopes ?? null;
    const give = await scopeGift(tx, account.role, scopes);
    assertAccountAccess(actor, account, { action: "manage", scope: "tokens:write", give });
    const now = new Date();
    const expiresAt = newTokenExpiry(input.expiresAt ?? null, null, now);
    checkNewExpiry(expiresAt, now);
    assertExpiryWithinPolicy(await loadTokenPolicy(tx), account.role, expiresAt, now, "expiresAt");
    await assertTokenNameFree(tx, account.id, input.name, now);
    const token = await tx.apiToken.create({
      data: {
        serviceAccountId: account.id,
        publicId: issued.publicId,
        secretHash: issued.secretHash,
        hint: issued.hint,
        name: input.name,
        description: input.description,
        expiresAt,
        ...scopeColumns(scopes),
        allowedIps: input.allowedIps,
        createdById: actor.id,
        createdAt: now,
      },
    });
    await syncAccountStatus(tx, account.id);
    await audit(tx, meta, { action: "token.created", actor: actorParty(actor), target: accountTarget(account), metadata: tokenAuditFields(token) });
    return { id: token.id, name: token.name, publicId: token.publicId, value: issued.value, hint: token.hint, expiresAt: expiresAt?.toISOString() ?? null };
  });
  await tokensChanged(input.serviceAccountId);
  return result;
}
