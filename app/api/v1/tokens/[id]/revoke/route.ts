import { apiRoute } from "@/lib/api/route";
import { idParams } from "@/lib/api/v1/schemas";
import { revokeViaApi } from "@/lib/api/v1/service-accounts";

export const POST = apiRoute({
  permission: "service_accounts.manage_own",
  params: idParams,
  handler: ({ params }, caller) => revokeViaApi(caller, params.id),
});
