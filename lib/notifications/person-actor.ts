import type { Actor, UserActor } from "@/lib/auth/actor";
import { forbiddenError } from "@/lib/errors";

/** Email settings belong to a person: a token (whatever its role) has no inbox here. */
export function assertPerson(actor: Actor): asserts actor is UserActor {
  if (actor.type !== "USER") throw forbiddenError("Only a signed-in person can do this.");
}
