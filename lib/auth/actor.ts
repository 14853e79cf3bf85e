import type { AuditParty } from "@/lib/audit/audit";
import type { Role } from "@/lib/db/generated/enums";

/** Whoever is acting: a signed-in user now; service accounts (API tokens) join later as another kind. */
export type Actor = { type: "USER"; id: string; name: string; email: string; role: Role };

export function actorParty(actor: Actor): AuditParty {
  return { type: actor.type, id: actor.id, name: userDisplayName(actor) };
}

export function userDisplayName(user: { name: string; email: string }): string {
  return `${user.name} <${user.email}>`;
}
