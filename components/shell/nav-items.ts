import type { Permission } from "@/lib/auth/permissions";

/** The console's sections. Each page checks the same permission through requirePageActor. */
export const NAV_ITEMS = [
  { href: "/admin/api-tokens", label: "API Tokens", permission: "service_accounts.read_own" },
  { href: "/admin/audit-log", label: "Audit Log", permission: "audit.read" },
  { href: "/admin/users", label: "Users", permission: "users.read" },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];
