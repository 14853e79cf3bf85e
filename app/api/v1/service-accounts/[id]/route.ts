import { apiError } from "@/lib/api/api-error";
import { apiRoute, json } from "@/lib/api/route";
import { idParams, updateServiceAccountBody } from "@/lib/api/v1/schemas";
import { deleteViaApi, getViaApi, updateViaApi } from "@/lib/api/v1/service-accounts";

export const GET = apiRoute({
  permission: "service_accounts.read_own",
  params: idParams,
  handler: async ({ params }, caller) => {
    const found = await getViaApi(caller, params.id);
    return found ? json(found) : apiError("not_found", "Service account not found.");
  },
});

export const PATCH = apiRoute({
  permission: "service_accounts.manage_own",
  params: idParams,
  body: updateServiceAccountBody,
  handler: ({ params, body }, caller) => updateViaApi(caller, params.id, body),
});

export const DELETE = apiRoute({
  permission: "service_accounts.manage_own",
  params: idParams,
  handler: ({ params }, caller) => deleteViaApi(caller, params.id),
});
