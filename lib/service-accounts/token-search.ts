// Search by token: a hint ("kh_…Ab3x", "kh_...Ab3x" or its last four characters) or a pasted full token, which
// is matched by its SHA-256 (the stored secretHash) and never kept: not in a URL, a log or the audit trail.
import type { Prisma } from "@/lib/db/client";
import { hashToken, isWellFormedToken } from "@/lib/tokens/token-format";
import { hintOf } from "@/lib/tokens/token-shape";

/** The account one of whose tokens (live or not) is `q`, when `q` is a full token; else null. */
export function fullTokenWhere(q: string): Prisma.ServiceAccountWhereInput | null {
  return isWellFormedToken(q) ? { tokens: { some: { secretHash: hashToken(q) } } } : null;
}

/** Accounts one of whose tokens has the hint `q` names; null when it names none. */
export function hintWhere(q: string): Prisma.ServiceAccountWhereInput | null {
  const hint = hintOf(q);
  return hint ? { tokens: { some: { hint } } } : null;
}
