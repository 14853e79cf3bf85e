import { z } from "zod";
import { db } from "@/lib/db/client";
import { decodeCursor, nameKey, toPage } from "@/lib/lists/cursor";
import type { cursorQuery } from "./schemas";

const cursorKey = z.tuple([nameKey(), z.uuid()]);

/** Users by name (then id), for picking owners. */
export async function listUsers(query: z.output<typeof cursorQuery>) {
  const cursor = decodeCursor(query.cursor, cursorKey);
  const rows = await db.user.findMany({
    where: cursor ? { OR: [{ name: { gt: cursor[0] } }, { name: cursor[0], id: { gt: cursor[1] } }] } : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: { id: true, name: true, email: true, role: true, status: true },
  });
  return toPage(rows, query.limit, (user) => user, (user) => [user.name, user.id]);
}
