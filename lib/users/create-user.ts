import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, userDisplayName } from "@/lib/auth/actor";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { canGrantRole } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflictError, forbiddenError } from "@/lib/errors";
import type { createUserSchema } from "./schemas";
import type { z } from "zod";

export type CreatedUser = { id: string; name: string; email: string; generatedPassword: string | null };

/** Adds a user. A generated password is returned once, to be shown once; only its hash is stored. */
export async function createUser(input: z.output<typeof createUserSchema>, { actor, meta }: ActionContext): Promise<CreatedUser> {
  if (!canGrantRole(actor.role, input.role)) throw Object.assign(forbiddenError(`You cannot grant the ${input.role} role.`), { refusal: { reason: "role_ceiling" } });
  const generatedPassword = input.passwordMode === "generate" ? generatePassword() : null;
  const passwordHash = await hashPassword(generatedPassword ?? input.password ?? "");
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, passwordHash, createdById: actor.id },
      });
      await audit(tx, meta, {
        action: "user.created",
        actor: actorParty(actor),
        target: { type: "user", id: created.id, name: userDisplayName(created) },
        metadata: { after: { name: created.name, email: created.email, role: created.role }, passwordGenerated: !!generatedPassword },
      });
      return created;
    });
    return { id: user.id, name: user.name, email: user.email, generatedPassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflictError("A user with this email already exists.", { email: ["A user with this email already exists"] });
    throw error;
  }
}
