import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, principalUserId } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflictError } from "@/lib/errors";
import { assertExpiryWithinPolicy, loadTokenPolicy } from "@/lib/policy/token-policy";
import { issueToken } from "@/lib/tokens/token-format";
import { assertAccountAccess } from "./access";
import { accountTarget, loadActiveOwner } from "./owner";
import { expiresAtFor, type createServiceAccountSchema } from "./schemas";

export type RevealedToken = { id: string; publicId: string; value: string; hint: string; expiresAt: string | null };
export type CreatedServiceAccount = { serviceAccount: { id: string; name: string }; token: RevealedToken };

/** Creates a service account and its first token in one transaction. The plaintext leaves only in the result. */
export async function createServiceAccount(
  input: z.output<typeof createServiceAccountSchema>,
  { actor, meta }: ActionContext,
): Promise<CreatedServiceAccount> {
  // Default owner: the person acting (for a token, the owner of its service account).
  const ownerId = input.ownerId ?? principalUserId(actor);
  assertAccountAccess(actor, null, { action: "create", role: input.role, ownerId });
  const issued = issueToken();
  const expiresAt = expiresAtFor(input);
  try {
    return await db.$transaction(async (tx) => {
      const owner = await loadActiveOwner(tx, ownerId);
      const field = input.expiration === "custom" ? "customExpiresAt" : "expiration";
      assertExpiryWithinPolicy(await loadTokenPolicy(tx), input.role, expiresAt, new Date(), field);
      const account = await tx.serviceAccount.create({
        data: { name: input.name, description: input.description, role: input.role, ownerId: owner.id, createdById: actor.id, tokenExpiresAt: expiresAt },
      });
      const token = await tx.apiToken.create({
        data: { serviceAccountId: account.id, publicId: issued.publicId, secretHash: issued.secretHash, hint: issued.hint, expiresAt, createdById: actor.id },
      });
      const target = accountTarget(account);
      await audit(tx, meta, {
        action: "service_account.created",
        actor: actorParty(actor),
        target,
        metadata: { after: { name: account.name, description: account.description, role: account.role, owner: owner.email } },
      });
      await audit(tx, meta, {
        action: "token.created",
        actor: actorParty(actor),
        target,
        metadata: { tokenId: token.id, hint: token.hint, expiresAt: expiresAt?.toISOString() ?? null },
      });
      return {
        serviceAccount: { id: account.id, name: account.name },
        token: { id: token.id, publicId: token.publicId, value: issued.value, hint: token.hint, expiresAt: expiresAt?.toISOString() ?? null },
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflictError("A service account with this name already exists.", { name: ["A service account with this name already exists"] });
    }
    throw error;
  }
}
