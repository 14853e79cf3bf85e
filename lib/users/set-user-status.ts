import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, userDisplayName } from "@/lib/auth/actor";
import { canGrantRole } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { forbiddenError, notFoundError } from "@/lib/errors";
import { reassignOwnedAccounts } from "@/lib/service-accounts/reassign-owned-accounts";
import { ALL_ACCOUNTS, tokensChanged } from "@/lib/tokens/token-events";
import { assertAnotherActiveOwner } from "./owner-lock";
import type { setUserStatusSchema } from "./schemas";

/**
 * Disables or enables a user. Disabling also revokes every session the user has. Their service accounts keep
 * working (automation must not break when a person leaves) unless an OWNER suspends tokens of disabled owners;
 * `reassignTo` hands them to someone else in the same step.
 */
export async function setUserStatus({ userId, status, reassignTo }: z.output<typeof setUserStatusSchema>, context: ActionContext) {
  const { actor, meta } = context;
  if (userId === actor.id) {
    throw Object.assign(forbiddenError("You cannot disable or enable yourself."), { refusal: { reason: "self", target: { type: "user", id: actor.id } } });
  }
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw notFoundError("User not found.");
    if (!canGrantRole(actor.role, user.role)) {
      const target = { type: "user", id: user.id, name: userDisplayName(user) };
      throw Object.assign(forbiddenError("You cannot manage a user with this role."), { refusal: { reason: "role_ceiling", target } });
    }
    if (user.status === status && !reassignTo) return { id: user.id, status };
    if (status === "DISABLED" && user.role === "OWNER") await assertAnotherActiveOwner(tx, user.id);
    await tx.user.update({ where: { id: user.id }, data: { status } });
    if (status === "DISABLED") {
      await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    if (reassignTo) await reassignOwnedAccounts(tx, user, reassignTo, context);
    if (user.status === status) return { id: user.id, status };
    await audit(tx, meta, {
      action: status === "DISABLED" ? "user.disabled" : "user.enabled",
      actor: actorParty(actor),
      target: { type: "user", id: user.id, name: userDisplayName(user) },
      metadata: { before: { status: user.status }, after: { status } },
    });
    return { id: user.id, status };
  });
  // Whether the user's tokens are suspended depends on their status: every cached lookup is re-read.
  await tokensChanged(ALL_ACCOUNTS);
  return result;
}
