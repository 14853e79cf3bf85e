import { authenticateToken } from "@/lib/api/authenticate-token";
import { actorParty, type ServiceAccountActor } from "@/lib/auth/actor";
import { audit, type AuditParty } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import type { ReportOutsideEventInput } from "./outside-event-schema";

const RESULTS = { success: "SUCCESS", failure: "FAILURE", denied: "DENIED" } as const;

/** The service account and token that acted, or null: a token value must be active, a token id merely known. */
async function actingToken(input: ReportOutsideEventInput): Promise<AuditParty | null> {
  if (input.token !== undefined) {
    const found = await authenticateToken(input.token);
    return found ? actorParty(found.actor) : null;
  }
  // A report may arrive after the token was revoked or expired: what it did then still belongs in the log.
  const token = await db.apiToken.findUnique({ where: { id: input.tokenId! }, select: { id: true, serviceAccount: { select: { id: true, name: true } } } });
  return token ? { type: "SERVICE_ACCOUNT", id: token.serviceAccount.id, name: token.serviceAccount.name, tokenId: token.id } : null;
}

/**
 * Records what a token did in another service (§6): the event's actor is that token's service account (and
 * token); `source` in its metadata is the service account that reported it, so it is chained (and
 * verified) with the rest of the event without a column the existing hashes would not cover. The reported
 * metadata is kept under `details`.
 */
export async function reportOutsideEvent(
  input: ReportOutsideEventInput,
  reporter: ServiceAccountActor,
  meta: RequestMeta,
): Promise<{ ok: true; id: string; actor: AuditParty } | { ok: false; field: "token" | "tokenId" }> {
  const actor = await actingToken(input);
  if (!actor) return { ok: false, field: input.token !== undefined ? "token" : "tokenId" };
  const source = { type: "SERVICE_ACCOUNT", id: reporter.id, name: reporter.name, tokenId: reporter.tokenId };
  const { id } = await db.$transaction((tx) =>
    audit(tx, meta, {
      action: input.action,
      actor,
      target: input.target,
      result: RESULTS[input.result],
      metadata: { source, ...(input.metadata ? { details: input.metadata as Record<string, never> } : {}) },
    }),
  );
  return { ok: true, id: id.toString(), actor };
}
