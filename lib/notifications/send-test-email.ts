import { randomUUID } from "node:crypto";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty, userDisplayName } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import { notify } from "./notify";
import { assertPerson } from "./person-actor";

/**
 * Admin → Settings → Email notifications → Send test email: a `test` notice to the admin's own address, queued like
 * any notice (so it proves the queue, the worker and SMTP together), audited in the same transaction.
 */
export async function sendTestEmail(_input: unknown, { actor, meta }: ActionContext) {
  assertPerson(actor);
  await db.$transaction(async (tx) => {
    const [notice] = await notify(tx, [{ userId: actor.id, kind: "test", dedupeKey: `test:${randomUUID()}`, data: { by: userDisplayName(actor) } }]);
    await audit(tx, meta, {
      action: "notification.test_requested",
      actor: actorParty(actor),
      target: { type: "user", id: actor.id, name: userDisplayName(actor) },
      metadata: { notificationId: notice!.id, recipient: actor.email },
    });
  });
  return { to: actor.email };
}
