import { hash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { FULL_TOKEN_SHAPE, TOKEN_BODY_LENGTH as BODY_LENGTH, TOKEN_CHECKSUM_LENGTH as CHECKSUM_LENGTH, TOKEN_LENGTH, TOKEN_PREFIX, tokenHint } from "./token-shape";

// kh_ + base62 of 32 random bytes (43 characters) + base62 CRC32 of that part (6 characters). The prefix lets
// secret scanners recognise a Keyhold token; the checksum rejects a mistyped or made-up one without a lookup.
// Its shape and hint live in ./token-shape (browser-safe); issuing, checking and hashing live here.
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function base62(value: bigint, length: number): string {
  let out = "";
  for (let n = value; n > 0n; n /= 62n) out = BASE62[Number(n % 62n)] + out;
  return out.padStart(length, "0");
}

/** base62 of the CRC32, in plain numbers: every API request checks one. */
function checksum(body: string): string {
  let out = "";
  for (let n = crc32(body); n > 0; n = Math.floor(n / 62)) out = BASE62[n % 62] + out;
  return out.padStart(CHECKSUM_LENGTH, "0");
}

export type IssuedToken = { value: string; secretHash: string; hint: string; publicId: string };

/** A new token. `value` is the plaintext: reveal it once, store only `secretHash`. */
export function issueToken(): IssuedToken {
  const body = base62(BigInt(`0x${randomBytes(32).toString("hex")}`), BODY_LENGTH);
  const value = `${TOKEN_PREFIX}${body}${checksum(body)}`;
  return { value, secretHash: hashToken(value), hint: tokenHint(value), publicId: `tok_${base62(BigInt(`0x${randomBytes(9).toString("hex")}`), 13)}` };
}

/** True when the string has the token's shape and its checksum matches: no database needed. */
export function isWellFormedToken(value: string): boolean {
  if (value.length !== TOKEN_LENGTH || !FULL_TOKEN_SHAPE.test(value)) return false;
  const body = value.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + BODY_LENGTH);
  return value.slice(-CHECKSUM_LENGTH) === checksum(body);
}

export function hashToken(value: string): string {
  return hash("sha256", value, "hex");
}
