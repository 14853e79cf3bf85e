import { db } from "@/lib/db/client";
import { ROLE_PERMISSIONS, type AnyRole } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";

const MANAGING_ROLES = (Object.keys(ROLE_PERMISSIONS) as AnyRole[]).filter((role): role is Role =>
  role !== "INTROSPECTOR" && ROLE_PERMISSIONS[role].includes("service_accounts.manage_all"),
);

/** Who may change any service account (ADMIN and up, from the permission map): whom a read-only owner can ask. */
export async function findAccountManagers(limit = 3): Promise<{ name: string; email: string }[]> {
  return db.user.findMany({
    where: { status: "ACTIVE", role: { in: MANAGING_ROLES } },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { name: true, email: true },
    take: limit,
  });
}
