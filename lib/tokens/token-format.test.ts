import { describe, expect, it } from "vitest";
import { hashToken, isWellFormedToken, issueToken } from "./token-format";
import { TOKEN_LENGTH } from "./token-shape";
import { tokenStatus } from "./token-status";

describe("token format", () => {
  it("issues kh_ tokens of a fixed length whose checksum verifies", () => {
    const tokens = Array.from({ length: 200 }, issueToken);
    for (const token of tokens) {
      expect(token.value).toMatch(/^kh_[0-9A-Za-z]+$/);
      expect(token.value).toHaveLength(TOKEN_LENGTH);
      expect(isWellFormedToken(token.value)).toBe(true);
      expect(token.secretHash).toBe(hashToken(token.value));
      expect(token.hint).toBe(`kh_…${token.value.slice(-4)}`);
    }
    expect(new Set(tokens.map((t) => t.value)).size).toBe(tokens.length);
  });

  it("rejects a token with one character changed, a wrong prefix or a wrong length", () => {
    const { value } = issueToken();
    const flipped = value.slice(0, 10) + (value[10] === "a" ? "b" : "a") + value.slice(11);
    expect(isWellFormedToken(flipped)).toBe(false);
    expect(isWellFormedToken(`kx_${value.slice(3)}`)).toBe(false);
    expect(isWellFormedToken(value.slice(0, -1))).toBe(false);
    expect(isWellFormedToken(`${value}0`)).toBe(false);
    expect(isWellFormedToken("")).toBe(false);
  });
});

describe("tokenStatus", () => {
  const now = Date.parse("2026-01-10T00:00:00Z");
  const day = 24 * 60 * 60 * 1000;
  it.each([
    [{ expiresAt: null, revokedAt: null }, "active"],
    [{ expiresAt: new Date(now + 8 * day), revokedAt: null }, "active"],
    [{ expiresAt: new Date(now + 7 * day), revokedAt: null }, "expiring"],
    [{ expiresAt: new Date(now - 1), revokedAt: null }, "expired"],
    [{ expiresAt: new Date(now + 30 * day), revokedAt: new Date(now - day) }, "revoked"],
  ] as const)("%o is %s", (token, status) => {
    expect(tokenStatus(token, now)).toBe(status);
  });
});
