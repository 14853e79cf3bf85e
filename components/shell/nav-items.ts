import type { Permission } from "@/lib/auth/permissions";

/** The console's sections. Each page checks the same permission through requirePageActor. */
export const NAV_ITEMS = [
  { section: "You", href: "/tokens", label: "My tokens", permission: "service_accounts.read_own" },
  { section: "Admin", href: "/admin/api-tokens", label: "API Tokens", permission: "service_accounts.read_own" },
  { section: "Admin", href: "/admin/audit-log", label: "Audit Log", permission: "audit.read" },
  { section: "Admin", href: "/admin/users", label: "Users", permission: "users.read" },
  { section: "Admin", href: "/admin/settings", label: "Settings", permission: "service_accounts.manage_all" },
  { section: "Developers", href: "/docs/api", label: "API reference", permission: null },
] as const satisfies readonly { section: string; href: string; label: string; permission: Permission | null }[];
