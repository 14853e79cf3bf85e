import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { ALL_ACCOUNTS, tokensChanged } from "@/lib/tokens/token-events";
import type { setSuspendDisabledOwnersSchema } from "./schemas";

const KEY = "tokens.suspendDisabledOwners";

/**
 * The OWNER's policy "Suspend tokens of disabled owners" (off by default): when on, the tokens of accounts whose
 * owner is disabled answer 401 until the accounts are given to an active owner.
 */
export async function suspendsDisabledOwnersTokens(): Promise<boolean> {
  const setting = await db.setting.findUnique({ where: { key: KEY } });
  return setting?.value === true;
}

export async function setSuspendDisabledOwners({ enabled }: z.output<typeof setSuspendDisabledOwnersSchema>, { actor, meta }: ActionContext) {
  await db.$transaction(async (tx) => {
    const before = (await tx.setting.findUnique({ where: { key: KEY } }))?.value === true;
    if (before === enabled) return;
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: enabled, updatedById: actor.id }, update: { value: enabled, updatedById: actor.id } });
    await audit(tx, meta, { action: "settings.changed", actor: actorParty(actor), metadata: { setting: KEY, before, after: enabled } });
  });
  // Other instances hear of it from the Setting table's trigger; this one re-reads every token now.
  await tokensChanged(ALL_ACCOUNTS);
  return { enabled };
}
