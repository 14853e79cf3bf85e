import { apiRoute, json } from "@/lib/api/route";
import { cursorQuery } from "@/lib/api/v1/schemas";
import { listUsers } from "@/lib/api/v1/users";

export const GET = apiRoute({
  permission: "users.read",
  query: cursorQuery,
  handler: async ({ query }) => json(await listUsers(query)),
});
