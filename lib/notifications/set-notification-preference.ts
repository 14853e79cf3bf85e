import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, userDisplayName } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { validationError } from "@/lib/errors";
import { assertPerson } from "./person-actor";
import { receivableKinds } from "./preferences";
import type { setNotificationPreferenceSchema } from "./schemas";

/** Turns one kind of email notice on or off for the signed-in person; audited with the change. */
export async function setNotificationPreference({ kind, enabled }: z.output<typeof setNotificationPreferenceSchema>, { actor, meta }: ActionContext) {
  assertPerson(actor);
  if (!receivableKinds(actor.role).some((k) => k.kind === kind)) throw validationError({ kind: ["You do not receive this kind of notice"] });
  await db.$transaction(async (tx) => {
    const before = (await tx.notificationPreference.findUnique({ where: { userId_kind: { userId: actor.id, kind } } }))?.enabled ?? true;
    if (before === enabled) return;
    await tx.notificationPreference.upsert({ where: { userId_kind: { userId: actor.id, kind } }, create: { userId: actor.id, kind, enabled }, update: { enabled } });
    await audit(tx, meta, {
      action: "notification.preference_changed",
      actor: actorParty(actor),
      target: { type: "user", id: actor.id, name: userDisplayName(actor) },
      metadata: { kind, before, after: enabled },
    });
  });
  return { kind, enabled };
}

/** The person's choices: every kind they can receive, on unless they turned it off. */
export async function findNotificationPreferences(userId: string): Promise<Record<string, boolean>> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, enabled: true } });
  return Object.fromEntries(rows.map((row) => [row.kind, row.enabled]));
}
