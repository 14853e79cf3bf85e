import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { userDisplayName } from "./actor";

/**
 * Revokes a console session (a copy of its cookie stops working at once) and audits the sign-out, once: a
 * session already revoked (by the console's sign-out action, which got there first) is left alone.
 */
export async function revokeSession(sessionId: string, meta: RequestMeta): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id: sessionId }, select: { user: { select: { id: true, name: true, email: true } } } });
    if (!session) return;
    const { count } = await tx.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (!count) return;
    const party = { type: "USER" as const, id: session.user.id, name: userDisplayName(session.user) };
    await audit(tx, meta, { action: "user.signed_out", actor: party, target: { ...party, type: "user" }, metadata: { sessionId } });
  });
}
