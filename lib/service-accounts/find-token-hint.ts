import type { ActionContext } from "@/lib/actions/run-action";
import { db } from "@/lib/db/client";
import { notFoundError } from "@/lib/errors";
import { hashToken, isWellFormedToken } from "@/lib/tokens/token-format";
import { readableServiceAccounts } from "./access";

/**
 * The console's search for a pasted full token: the hint of that token when it belongs to an account the actor
 * may see, which the list then searches by (so the token itself never reaches a URL). Looked up by its hash;
 * the token is neither stored nor logged, and a miss says only "not found" (nothing is audited for it).
 */
export async function findTokenHint({ token }: { token: string }, { actor }: Pick<ActionContext, "actor">): Promise<{ hint: string }> {
  const found = isWellFormedToken(token)
    ? await db.apiToken.findFirst({ where: { secretHash: hashToken(token), serviceAccount: readableServiceAccounts(actor) }, select: { hint: true } })
    : null;
  if (!found) throw notFoundError("No service account you can see has this token.");
  return found;
}
