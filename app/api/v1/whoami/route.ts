import { apiRoute, json } from "@/lib/api/route";

export const GET = apiRoute({
  permission: null,
  handler: async (_input, { actor, token }) =>
    json({
      serviceAccount: { id: actor.id, name: actor.name, role: actor.role, ownerId: actor.ownerId },
      token: { id: token.id, hint: token.hint, expiresAt: token.expiresAt?.toISOString() ?? null },
    }),
});
