import { apiRoute } from "@/lib/api/route";
import { idParams, regenerateTokenBody } from "@/lib/api/v1/schemas";
import { regenerateViaApi } from "@/lib/api/v1/service-accounts";

/** Regenerate: a new token; the previous one stops now or at previousTokenExpiresAt. */
export const POST = apiRoute({
  permission: "service_accounts.manage_own",
  params: idParams,
  body: regenerateTokenBody,
  handler: ({ params, body }, caller) => regenerateViaApi(caller, params.id, body),
});
