import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, userDisplayName } from "@/lib/auth/actor";
import { canGrantRole } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { forbiddenError, notFoundError } from "@/lib/errors";
import { reassignOwnedAccounts } from "@/lib/service-accounts/reassign-owned-accounts";
import { assertAnotherActiveOwner } from "./owner-lock";
import type { changeUserRoleSchema } from "./schemas";

/**
 * Changes a user's role. The actor must be able to grant both the old and the new role. Your own role can
 * only go down (an owner stepping down), and never leaves the console without an active owner.
 */
export async function changeUserRole({ userId, role, reassignTo }: z.output<typeof changeUserRoleSchema>, context: ActionContext) {
  const { actor, meta } = context;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFoundError("User not found.");
    if (!canGrantRole(actor.role, user.role) || !canGrantRole(actor.role, role)) {
      // A refusal the audit trail names (lib/actions/record-action-refusal.ts): an attempted escalation.
      const target = { type: "user", id: user.id, name: userDisplayName(user) };
      throw Object.assign(forbiddenError("You cannot change this user to or from that role."), {
        refusal: { reason: user.id === actor.id ? "self_promotion" : "role_ceiling", target },
      });
    }
    if (user.role === role && !reassignTo) return { id: user.id, role };
    if (user.role === "OWNER" && role !== "OWNER" && user.status === "ACTIVE") await assertAnotherActiveOwner(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: { role } });
    if (reassignTo) await reassignOwnedAccounts(tx, user, reassignTo, context);
    if (user.role === role) return { id: user.id, role };
    await audit(tx, meta, {
      action: "user.role_changed",
      actor: actorParty(actor),
      target: { type: "user", id: user.id, name: userDisplayName(user) },
      metadata: { before: { role: user.role }, after: { role } },
    });
    return { id: user.id, role };
  });
}
