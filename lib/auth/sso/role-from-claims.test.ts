import { describe, expect, it } from "vitest";
import type { RoleMapping } from "@/lib/config/sso-env";
import { claimGroups, claimValue, roleFromGroups } from "./role-from-claims";

const map: RoleMapping[] = [
  { group: "viewers", role: "VIEWER" },
  { group: "auditors", role: "AUDITOR" },
  { group: "devs", role: "CONTRIBUTOR" },
  { group: "admins", role: "ADMIN" },
];

describe("roleFromGroups", () => {
  it("gives the first reached role in the permission map's order, whatever order the map and claim list them in", () => {
    expect(roleFromGroups(["viewers", "admins", "devs"], map)).toBe("ADMIN");
    expect(roleFromGroups(["auditors", "devs"], map)).toBe("CONTRIBUTOR");
    expect(roleFromGroups(["auditors"], map)).toBe("AUDITOR");
    expect(roleFromGroups(["viewers", "auditors"], map)).toBe("VIEWER");
  });

  it("gives VIEWER when no group is mapped, and matches group names exactly", () => {
    expect(roleFromGroups([], map)).toBe("VIEWER");
    expect(roleFromGroups(["Admins", "admins2", " admins"], map)).toBe("VIEWER");
    expect(roleFromGroups(["admins"], [])).toBe("VIEWER");
  });

  it("lets two groups map to one role", () => {
    expect(roleFromGroups(["ops"], [...map, { group: "ops", role: "ADMIN" }])).toBe("ADMIN");
  });
});

describe("the role claim", () => {
  it("is read by name, else along a dotted path", () => {
    expect(claimValue({ groups: ["a"] }, "groups")).toEqual(["a"]);
    expect(claimValue({ realm_access: { roles: ["b"] } }, "realm_access.roles")).toEqual(["b"]);
    expect(claimValue({ "https://example.com/groups": ["c"] }, "https://example.com/groups")).toEqual(["c"]);
    expect(claimValue({ realm_access: "x" }, "realm_access.roles")).toBeUndefined();
    expect(claimValue({}, "groups")).toBeUndefined();
  });

  it("names groups as a list of strings or one string; anything else names none", () => {
    expect(claimGroups(["a", 1, null, "b"])).toEqual(["a", "b"]);
    expect(claimGroups("admins")).toEqual(["admins"]);
    expect(claimGroups({ admins: true })).toEqual([]);
    expect(claimGroups(undefined)).toEqual([]);
  });
});
