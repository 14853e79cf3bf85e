import { describe, expect, it } from "vitest";
import { allowedIpsSchema, ipAllowed, isWideRange, normaliseCidr } from "./cidr";

describe("CIDR ranges", () => {
  it("normalises ranges and bare addresses, and refuses anything else", () => {
    expect(normaliseCidr("10.1.2.3/8")).toBe("10.0.0.0/8");
    expect(normaliseCidr(" 203.0.113.7 ")).toBe("203.0.113.7/32");
    expect(normaliseCidr("2001:db8::1/32")).toBe("2001:db8::/32");
    expect(normaliseCidr("::1")).toBe("::1/128");
    expect(normaliseCidr("::ffff:10.0.0.0/104")).toBe("10.0.0.0/8");
    for (const bad of ["", "10.0.0.0/33", "10.0.0", "example.com", "2001:db8::/129", "10.0.0.0/-1", "::ffff:10.0.0.0/90"]) {
      expect(normaliseCidr(bad), bad).toBeNull();
    }
  });

  it("parses a list into stored ranges with field errors for bad entries", () => {
    expect(allowedIpsSchema.parse(["10.0.0.1/8", "10.0.0.0/8", "::1"])).toEqual(["10.0.0.0/8", "::1/128"]);
    const result = allowedIpsSchema.safeParse(["10.0.0.0/8", "nope", "1.2.3.4\u0000"]);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path)).toEqual([[1], [2]]);
  });

  it("matches client addresses, IPv4-mapped ones included; no ranges means anywhere", () => {
    expect(ipAllowed("127.0.0.1", [])).toBe(true);
    expect(ipAllowed(null, [])).toBe(true);
    expect(ipAllowed("127.0.0.1", ["127.0.0.0/8"])).toBe(true);
    expect(ipAllowed("::ffff:127.0.0.1", ["127.0.0.0/8"])).toBe(true);
    expect(ipAllowed("127.0.0.1", ["10.0.0.0/8", "::1/128"])).toBe(false);
    expect(ipAllowed("::1", ["10.0.0.0/8", "::1/128"])).toBe(true);
    expect(ipAllowed(null, ["0.0.0.0/0"])).toBe(false);
    expect(ipAllowed("garbage", ["0.0.0.0/0"])).toBe(false);
  });

  it("flags ranges wider than /8 or /32", () => {
    expect(isWideRange("0.0.0.0/0")).toBe(true);
    expect(isWideRange("10.0.0.0/8")).toBe(false);
    expect(isWideRange("2001::/16")).toBe(true);
    expect(isWideRange("2001:db8::/32")).toBe(false);
  });
});
