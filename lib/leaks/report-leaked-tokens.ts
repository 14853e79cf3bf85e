import { audit } from "@/lib/audit/audit";
import { db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/http/request-context";
import { notify } from "@/lib/notifications/notify";
import { accountTarget } from "@/lib/service-accounts/owner";
import { lockToken, syncAccountStatus } from "@/lib/service-accounts/token-store";
import { changesSettled, tokensChanged } from "@/lib/tokens/token-events";
import { hashToken, isWellFormedToken } from "@/lib/tokens/token-format";
import type { LeakReport } from "./leak-report-schema";

/** Who revokes a reported token in the audit trail: nobody signed in, the report itself. */
export const LEAK_REPORT_ACTOR = { type: "SYSTEM", name: "Leak report" } as const;

/**
 * Revokes every reported token that still works (not revoked, not expired; a suspended one too), each in its
 * own transaction with its leak record, its audit events and its owner's notice; then tells every instance.
 * Whatever the tokens were, it returns only after the same settle wait (tokensChanged or changesSettled), so
 * the time the answer takes says little about whether a token existed.
 */
export async function reportLeakedTokens(reports: readonly LeakReport[], meta: RequestMeta): Promise<void> {
  const changed = new Set<string>();
  try {
    for (const report of reports) {
      const accountId = await revokeReported(report, meta);
      if (accountId) changed.add(accountId);
    }
  } finally {
    if (changed.size) await Promise.all([...changed].map((id) => tokensChanged(id)));
    else await changesSettled();
  }
}

/** The account whose token this report revoked, or null (malformed, unknown, already revoked or expired). */
async function revokeReported(report: LeakReport, meta: RequestMeta): Promise<string | null> {
  if (!isWellFormedToken(report.token)) return null;
  const found = await db.apiToken.findUnique({ where: { secretHash: hashToken(report.token) }, select: { id: true } });
  if (!found) return null;
  return db.$transaction(async (tx) => {
    const token = await lockToken(tx, found.id);
    const now = new Date();
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
    const leak = { leakReportedAt: now, leakReportUrl: report.url ?? null, leakReportSource: report.source ?? null, leakReporterIp: meta.ip };
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now, revokedById: null, ...leak } });
    await syncAccountStatus(tx, token.serviceAccountId);
    const target = accountTarget(token.serviceAccount);
    const described = { tokenId: token.id, name: token.name, hint: token.hint };
    const reported = { url: leak.leakReportUrl, source: leak.leakReportSource, reporterIp: meta.ip };
    await notify(tx, [
      { userId: token.serviceAccount.ownerId, kind: "token.leaked", dedupeKey: `token.leaked:${token.id}`, tokenId: token.id, data: { ...reported, reportedAt: now.toISOString() } },
    ]);
    await audit(tx, meta, { action: "token.revoked", actor: LEAK_REPORT_ACTOR, target, metadata: { ...described, reason: "leak_reported" } });
    await audit(tx, meta, { action: "token.leak_reported", actor: LEAK_REPORT_ACTOR, target, metadata: { ...described, ...reported } });
    return token.serviceAccountId;
  });
}
