import type { AuditParty } from "@/lib/audit/audit";
import type { Role, ServiceAccountRole } from "@/lib/db/generated/enums";

/** A person signed in to the console. */
export type UserActor = { type: "USER"; id: string; name: string; email: string; role: Role };
/**
 * A service account calling the API with one of its tokens. `scopes`: the token's scopes, or null for full access
 * (everything the role allows; lib/auth/scopes.ts).
 */
export type ServiceAccountActor = {
  type: "SERVICE_ACCOUNT";
  id: string;
  name: string;
  role: ServiceAccountRole;
  ownerId: string;
  tokenId: string;
  scopes: readonly string[] | null;
};
/** Whoever is acting. Both go through the same permission map and guard. */
export type Actor = UserActor | ServiceAccountActor;

/**
 * The human an actor answers for: the user themselves, or a service account's owner. "Own" service accounts
 * are those this person owns, so a CONTRIBUTOR's token manages what its owner may manage.
 */
export function principalUserId(actor: Actor): string {
  return actor.type === "USER" ? actor.id : actor.ownerId;
}

export function actorParty(actor: Actor): AuditParty {
  if (actor.type === "USER") return { type: actor.type, id: actor.id, name: userDisplayName(actor) };
  return { type: actor.type, id: actor.id, name: actor.name, tokenId: actor.tokenId };
}

export function userDisplayName(user: { name: string; email: string }): string {
  return `${user.name} <${user.email}>`;
}
