import { describe, expect, it } from "vitest";
import { formatProblem, parseKeyholdFile } from "./parse-file";

const problems = (text: string) => {
  const parsed = parseKeyholdFile(text);
  if (parsed.ok) throw new Error("expected problems");
  return parsed.problems.map((problem) => formatProblem("k.yaml", problem));
};

describe("parseKeyholdFile", () => {
  it("reads a valid file, normalising what the API normalises", () => {
    const parsed = parseKeyholdFile("serviceAccounts:\n  - name: ci\n    owner: Owner@Example.com\n    role: VIEWER\n    tokens:\n      - name: t1\n        allowedIps: [10.0.0.1]\n");
    expect(parsed).toEqual({ ok: true, file: { serviceAccounts: [{ name: "ci", owner: "owner@example.com", role: "VIEWER", tokens: [{ name: "t1", allowedIps: ["10.0.0.1/32"] }] }] } });
  });

  it("names file, line, column and field of each problem", () => {
    const text = ["serviceAccounts:", "  - name: ok", "    role: VIEWER", "  - name: bad name", "    role: BOSS", "    colour: red", "    tokens:", "      - name: x", "        expiresAt: tomorrow"].join("\n");
    expect(problems(text)).toEqual([
      "k.yaml:4:11 serviceAccounts.1.name: Use only letters, digits, '-', '_' and '.'",
      "k.yaml:5:11 serviceAccounts.1.role: Choose a role",
      "k.yaml:6:13 serviceAccounts.1.colour: Unknown field",
      expect.stringMatching(/^k\.yaml:9:20 serviceAccounts\.1\.tokens\.0\.expiresAt: /),
    ]);
  });

  it("places a missing field at its parent", () => {
    expect(problems("serviceAccounts:\n  - name: a\n    role: VIEWER\n  - description: no name\n")).toEqual([
      expect.stringMatching(/^k\.yaml:4:5 serviceAccounts\.1\.name: /),
      "k.yaml:4:5 serviceAccounts.1.role: Choose a role",
    ]);
  });

  it("places a repeated account name or Token ID at the second one", () => {
    expect(problems("serviceAccounts:\n  - name: a\n    role: VIEWER\n  - name: a\n    role: VIEWER\n")).toEqual(["k.yaml:4:11 serviceAccounts.1.name: a is listed twice"]);
    expect(problems("serviceAccounts:\n  - name: a\n    role: VIEWER\n    tokens: [{ name: T }, { name: t }]\n")).toEqual(["k.yaml:4:35 serviceAccounts.0.tokens.1.name: Token ID t is listed twice"]);
  });

  it("reports YAML syntax errors and duplicate keys with their line", () => {
    expect(problems("serviceAccounts:\n  - name: a\n    name: b\n    role: VIEWER\n")[0]).toMatch(/^k\.yaml:3:5 Map keys must be unique/);
    expect(problems("serviceAccounts: [\n")[0]).toMatch(/^k\.yaml:\d+:\d+ /);
  });

  it("takes an empty file as no accounts", () => {
    expect(parseKeyholdFile("")).toEqual({ ok: true, file: { serviceAccounts: [] } });
  });
});
