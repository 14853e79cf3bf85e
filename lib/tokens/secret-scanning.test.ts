import { readFileSync } from "node:fs";
import { lintSource } from "@secretlint/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creator } from "@/docs/secret-scanning/secretlint-rule-keyhold.mjs";
import { withWrongLastCharacter } from "@/lib/testing/wrong-token";
import { isWellFormedToken, issueToken } from "./token-format";

// Issue 10 §7: the scanner rules shipped in docs/secret-scanning/ find real tokens. gitleaks itself cannot be
// installed here, so its rule's regex and entropy floor are checked as gitleaks applies them (RE2 and JavaScript
// agree on this pattern); the secretlint rule runs in secretlint's own core.

const tokens = Array.from({ length: 5 }, () => issueToken().value);
/** A look-alike: a real token with one checksum character changed. */

const planted = [
  `KEYHOLD_TOKEN=${tokens[0]}`,
  `curl -H "Authorization: Bearer ${tokens[1]}" https://keys.example.com/api/v1/whoami`,
  `{"token": "${tokens[2]}"}`,
  `const token = '${tokens[3]}';`,
  `token: ${tokens[4]}`,
].join("\n");

async function secretlint(content: string): Promise<string[]> {
  const result = await lintSource({
    source: { content, filePath: "/virtual/planted.txt", contentType: "text" },
    options: { config: { rules: [{ id: "secretlint-rule-keyhold", rule: creator }] }, noPhysicFilePath: true },
  });
  return result.messages.map((m) => content.slice(m.range[0], m.range[1]));
}

function gitleaksRule() {
  const toml = readFileSync("docs/secret-scanning/gitleaks.toml", "utf8");
  const regex = /^regex = '''(.+)'''$/m.exec(toml)![1]!;
  const entropy = Number(/^entropy = ([\d.]+)$/m.exec(toml)![1]);
  const keywords = JSON.parse(/^keywords = (\[.*\])$/m.exec(toml)![1]!) as string[];
  return { regex: new RegExp(regex, "g"), entropy, keywords };
}

/** Shannon entropy in bits per character, as gitleaks computes it on the secret group. */
function shannon(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.values()].reduce((sum, n) => sum - (n / text.length) * Math.log2(n / text.length), 0);
}

function gitleaks(content: string): string[] {
  const { regex, entropy, keywords } = gitleaksRule();
  if (!keywords.some((k) => content.toLowerCase().includes(k))) return [];
  return [...content.matchAll(regex)].map((m) => m[1]!).filter((secret) => shannon(secret) >= entropy);
}

describe("secret scanning rules (docs/secret-scanning)", () => {
  it("secretlint finds all 5 planted tokens, each once, and nothing else", async () => {
    expect(await secretlint(planted)).toEqual(tokens);
  });

  it("secretlint ignores look-alikes: a wrong checksum, a placeholder, a token cut short or run on", async () => {
    const lookAlikes = [withWrongLastCharacter(tokens[0]!), `kh_${"x".repeat(49)}`, tokens[1]!.slice(0, -1), `${tokens[2]}Z`, `a${tokens[3]}`].join("\n");
    expect(await secretlint(lookAlikes)).toEqual([]);
  });

  it("secretlint reports exactly what the API would accept as well-formed", async () => {
    const nearTokens = fc.oneof(
      fc.constantFrom(...tokens),
      fc.constantFrom(...tokens).chain((t) => fc.tuple(fc.nat(t.length - 4), fc.constantFrom(..."0aZ9")).map(([i, c]) => t.slice(0, 3 + i) + c + t.slice(4 + i))),
    );
    await fc.assert(fc.asyncProperty(nearTokens, async (token) => (await secretlint(` ${token} `)).length === (isWellFormedToken(token) ? 1 : 0)), { seed: 10, numRuns: 100 });
  });

  it("the gitleaks rule finds all 5 planted tokens and passes their entropy floor", () => {
    expect(gitleaks(planted)).toEqual(tokens);
    for (const token of tokens) expect(shannon(token)).toBeGreaterThan(gitleaksRule().entropy);
  });

  it("the gitleaks rule skips placeholders and longer identifiers (it cannot check the CRC32: secretlint does)", () => {
    expect(gitleaks(`kh_${"x".repeat(49)} kh_${"ab".repeat(24)}c ${tokens[0]}Z a${tokens[1]}`)).toEqual([]);
  });
});
