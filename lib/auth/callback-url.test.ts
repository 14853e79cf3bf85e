import { describe, expect, it } from "vitest";
import { landingPath, safeCallbackPath, signInPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps a console path with its query and fragment", () => {
    expect(safeCallbackPath("/admin/audit-log?actor=x&event=12")).toBe("/admin/audit-log?actor=x&event=12");
    expect(safeCallbackPath("/tokens#top")).toBe("/tokens#top");
  });

  it.each([
    ["another site", "https://evil.example/x"],
    ["protocol-relative", "//evil.example/x"],
    ["backslash trick", "/\\evil.example"],
    ["backslash later", "/a\\b"],
    ["a scheme", "javascript:alert(1)"],
    ["relative without slash", "admin/users"],
    ["tab inside", "/\t/evil.example"],
    ["newline", "/a\nb"],
    ["the sign-in page", "/login?callbackUrl=/x"],
    ["the API", "/api/v1/tokens"],
    ["empty", ""],
    ["too long", `/${"a".repeat(2048)}`],
    ["not a string", ["/a"]],
  ])("refuses %s", (_, value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });
});

describe("signInPath", () => {
  it("remembers a deep link, encoded", () => {
    expect(signInPath("/admin/audit-log?actor=x")).toBe("/login?callbackUrl=%2Fadmin%2Faudit-log%3Factor%3Dx");
  });
  it("adds nothing for the home page or an unsafe path", () => {
    expect(signInPath("/")).toBe("/login");
    expect(signInPath("//evil.example")).toBe("/login");
    expect(signInPath(null)).toBe("/login");
  });
});

describe("landingPath", () => {
  it("sends those who see every account home, and everyone else to My tokens", () => {
    expect(landingPath("OWNER")).toBe("/");
    expect(landingPath("ADMIN")).toBe("/");
    expect(landingPath("AUDITOR")).toBe("/");
    expect(landingPath("CONTRIBUTOR")).toBe("/tokens");
    expect(landingPath("VIEWER")).toBe("/tokens");
  });
});
