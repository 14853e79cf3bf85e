// Search by token: a hint ("kh_…Ab3x", "kh_...Ab3x" or its last four characters) or a pasted full token, which
// is matched by its SHA-256 (the stored secretHash) and never kept: not in a URL, a log or the audit trail.
import type { Prisma } from "@/lib/db/client";
import { hashToken, isWellFormedToken, TOKEN_LENGTH, TOKEN_PREFIX, tokenHint } from "@/lib/tokens/token-format";

/** The shape of a full token, checksum or not: such text never goes into a URL (the console searches by hint). */
export const FULL_TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${TOKEN_LENGTH - TOKEN_PREFIX.length}}$`);

const HINT = new RegExp(`^(?:${TOKEN_PREFIX}(?:…|\\.\\.\\.))?([0-9A-Za-z]{4})$`);

/** The hint a search text names, "kh_…Ab3x", or null. A full token names its own hint. */
export function hintOf(q: string): string | null {
  if (FULL_TOKEN_SHAPE.test(q)) return tokenHint(q);
  const last4 = HINT.exec(q)?.[1];
  return last4 ? `${TOKEN_PREFIX}…${last4}` : null;
}

/** The account one of whose tokens (live or not) is `q`, when `q` is a full token; else null. */
export function fullTokenWhere(q: string): Prisma.ServiceAccountWhereInput | null {
  return isWellFormedToken(q) ? { tokens: { some: { secretHash: hashToken(q) } } } : null;
}

/** Accounts one of whose tokens has the hint `q` names; null when it names none. */
export function hintWhere(q: string): Prisma.ServiceAccountWhereInput | null {
  const hint = hintOf(q);
  return hint ? { tokens: { some: { hint } } } : null;
}
