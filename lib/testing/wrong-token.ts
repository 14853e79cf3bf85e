/**
 * The token with its last character changed: a token that is well formed but not the one issued (its checksum
 * fails). Always a different character: a fixed one is the token itself once in 62 runs.
 */
export const withWrongLastCharacter = (token: string) => `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`;
