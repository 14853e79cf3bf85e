import { describe, expect, it } from "vitest";
import { canGrantRole, grantableRoles, hasPermission, HUMAN_ROLES, ROLE_PERMISSIONS } from "./permissions";

describe("permission map", () => {
  it("lets only an OWNER grant OWNER", () => {
    expect(HUMAN_ROLES.filter((role) => canGrantRole(role, "OWNER"))).toEqual(["OWNER"]);
  });

  it("lets an ADMIN grant every role but OWNER", () => {
    expect(grantableRoles("ADMIN")).toEqual(["ADMIN", "CONTRIBUTOR", "VIEWER", "AUDITOR"]);
  });

  it("lets a CONTRIBUTOR grant only CONTRIBUTOR and VIEWER", () => {
    expect(grantableRoles("CONTRIBUTOR")).toEqual(["CONTRIBUTOR", "VIEWER"]);
  });

  it("gives the AUDITOR reading permissions only (and its own email settings)", () => {
    expect(ROLE_PERMISSIONS.AUDITOR.every((p) => p.endsWith(".read") || p.startsWith("service_accounts.read") || p === "notifications.manage_own")).toBe(true);
    expect(hasPermission("AUDITOR", "audit.read")).toBe(true);
    expect(hasPermission("AUDITOR", "users.manage")).toBe(false);
  });

  it("lets every person set their own notices, and only ADMIN and OWNER send a test email", () => {
    expect(HUMAN_ROLES.filter((role) => hasPermission(role, "notifications.manage_own"))).toEqual([...HUMAN_ROLES]);
    expect(HUMAN_ROLES.filter((role) => hasPermission(role, "notifications.send_test"))).toEqual(["OWNER", "ADMIN"]);
    expect(hasPermission("INTROSPECTOR", "notifications.manage_own")).toBe(false);
  });

  it("keeps the Users page from VIEWER and CONTRIBUTOR", () => {
    expect(hasPermission("VIEWER", "users.read")).toBe(false);
    expect(hasPermission("CONTRIBUTOR", "users.read")).toBe(false);
  });
});
