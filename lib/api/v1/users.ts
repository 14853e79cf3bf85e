import type { z } from "zod";
import { db } from "@/lib/db/client";
import { validationError } from "@/lib/errors";
import { decodeCursor, toPage } from "@/lib/lists/cursor";
import type { cursorQuery } from "./schemas";

/** Users by name (then id), for picking owners. */
export async function listUsers(query: z.output<typeof cursorQuery>) {
  const cursor = decodeCursor(query.cursor, ["string", "string"]);
  if (query.cursor && !cursor) throw validationError({ cursor: ["Invalid cursor"] });
  const rows = await db.user.findMany({
    where: cursor ? { OR: [{ name: { gt: cursor[0] as string } }, { name: cursor[0] as string, id: { gt: cursor[1] as string } }] } : {},
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: { id: true, name: true, email: true, role: true, status: true },
  });
  return toPage(rows, query.limit, (user) => user, (user) => [user.name, user.id]);
}
