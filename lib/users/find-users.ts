import type { Role } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { containsText } from "@/lib/lists/text-search";
import { toListResult, type ListResult } from "@/lib/lists/list-params";
import type { FindUsersParams } from "./schemas";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: "ACTIVE" | "DISABLED";
  createdAt: string;
  lastSignInAt: string | null;
};

export async function findUsers(params: FindUsersParams): Promise<ListResult<UserRow>> {
  const where: Prisma.UserWhereInput = {
    role: params.role,
    status: params.status,
    ...(params.q
      ? { OR: [{ name: containsText(params.q) }, { email: containsText(params.q) }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [orderOf(params), { id: "asc" }],
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: { id: true, name: true, email: true, role: true, status: true, createdAt: true, lastSignInAt: true },
    }),
    db.user.count({ where }),
  ]);
  return toListResult(
    rows.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), lastSignInAt: u.lastSignInAt?.toISOString() ?? null })),
    total,
    params.page,
    params.pageSize,
  );
}

function orderOf({ sort, dir }: FindUsersParams): Prisma.UserOrderByWithRelationInput {
  // Users who never signed in sort last either way.
  if (sort === "lastSignInAt") return { lastSignInAt: { sort: dir, nulls: "last" } };
  return { [sort]: dir };
}
