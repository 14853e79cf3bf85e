import { authenticateToken } from "@/lib/api/authenticate-token";
import { apiRoute, json } from "@/lib/api/route";
import { introspectBody } from "@/lib/api/v1/schemas";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** RFC 7662 token introspection: how the user's other services check a Keyhold token. */
export const POST = apiRoute({
  permission: "tokens.introspect",
  body: introspectBody,
  handler: async ({ body }) => {
    const found = await authenticateToken(body.token);
    if (!found) return json({ active: false });
    return json({
      active: true,
      sub: found.actor.id,
      client_name: found.actor.name,
      role: found.actor.role,
      token_id: found.token.id,
      token_type: "Bearer",
      iat: seconds(found.token.createdAt),
      ...(found.token.expiresAt ? { exp: seconds(found.token.expiresAt) } : {}),
    });
  },
});
