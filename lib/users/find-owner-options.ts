import { db } from "@/lib/db/client";

export type OwnerOption = { id: string; name: string; email: string };

/** Active users, for the Owner pickers (names and emails only). */
export async function findOwnerOptions(): Promise<OwnerOption[]> {
  return db.user.findMany({ where: { status: "ACTIVE" }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" }, take: 500 });
}
