import type { Permission } from "@/lib/auth/permissions";

/**
 * The console's sections, named by what they hold (never "Admin": a viewer administers nothing). Each page checks
 * its own permission through requirePageActor; an item is listed to those who hold `permission`.
 * API Tokens lists every account to those who may read them all; for everyone else it shows what My tokens shows,
 * so they are not offered it twice.
 */
export const NAV_ITEMS = [
  { section: "Yours", href: "/", label: "Home", permission: null },
  { section: "Yours", href: "/tokens", label: "My tokens", permission: "service_accounts.read_own" },
  { section: "Yours", href: "/notifications", label: "Notifications", permission: "notifications.manage_own" },
  { section: "Organisation", href: "/admin/api-tokens", label: "API Tokens", permission: "service_accounts.read_all" },
  { section: "Organisation", href: "/admin/audit-log", label: "Audit Log", permission: "audit.read" },
  { section: "Organisation", href: "/admin/users", label: "Users", permission: "users.read" },
  { section: "Access control", href: "/admin/scopes", label: "Scopes", permission: "access.manage" },
  { section: "Access control", href: "/admin/resources", label: "Resources", permission: "access.manage" },
  { section: "Access control", href: "/admin/settings", label: "Settings", permission: "service_accounts.manage_all" },
  { section: "Developers", href: "/admin/webhooks", label: "Webhooks", permission: "webhooks.manage" },
  { section: "Developers", href: "/docs/api", label: "API reference", permission: null },
] as const satisfies readonly { section: string; href: string; label: string; permission: Permission | null }[];

export type NavItem = { section: string; href: string; label: string };
