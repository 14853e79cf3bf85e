import { principalUserId, userDisplayName, type Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { notify } from "./notify";

/**
 * Tells the account's owner, in the revocation's transaction, that someone else revoked one of its tokens
 * (an admin in the console, an ADMIN token through the API). Revoking one's own, by oneself or with a token of
 * an account one owns, tells no one.
 */
export async function noticeRevokedByOther(tx: Tx, actor: Actor, token: { id: string; serviceAccount: { ownerId: string } }): Promise<void> {
  if (principalUserId(actor) === token.serviceAccount.ownerId) return;
  const by = actor.type === "USER" ? userDisplayName(actor) : `the service account ${actor.name}`;
  await notify(tx, [{ userId: token.serviceAccount.ownerId, kind: "token.revoked", dedupeKey: `token.revoked:${token.id}`, tokenId: token.id, data: { by } }]);
}
