// What a token looks like, with no Node import: the console's browser code uses it (a search box recognises a
// pasted token and sends only its hint), so it must not pull node:crypto into the client bundle.
// lib/tokens/token-format.ts issues, checks and hashes tokens on the server.

export const TOKEN_PREFIX = "kh_";
/** Base62 of 32 random bytes, then base62 of its CRC32. */
export const TOKEN_BODY_LENGTH = 43;
export const TOKEN_CHECKSUM_LENGTH = 6;
export const TOKEN_LENGTH = TOKEN_PREFIX.length + TOKEN_BODY_LENGTH + TOKEN_CHECKSUM_LENGTH;

/** The shape of a full token, checksum or not: such text never goes into a URL (the console searches by hint). */
export const FULL_TOKEN_SHAPE = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${TOKEN_BODY_LENGTH + TOKEN_CHECKSUM_LENGTH}}$`);

const HINT = new RegExp(`^(?:${TOKEN_PREFIX}(?:…|\\.\\.\\.))?([0-9A-Za-z]{4})$`);

export function tokenHint(value: string): string {
  return `${TOKEN_PREFIX}…${value.slice(-4)}`;
}

/** The hint a search text names, "kh_…Ab3x" (also written "kh_...Ab3x" or "Ab3x"), or null. A full token names its own hint. */
export function hintOf(q: string): string | null {
  if (FULL_TOKEN_SHAPE.test(q)) return tokenHint(q);
  const last4 = HINT.exec(q)?.[1];
  return last4 ? `${TOKEN_PREFIX}…${last4}` : null;
}
