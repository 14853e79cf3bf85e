import { apiRoute, json } from "@/lib/api/route";
import { createServiceAccountBody, listServiceAccountsQuery } from "@/lib/api/v1/schemas";
import { createViaApi, listServiceAccounts } from "@/lib/api/v1/service-accounts";

export const GET = apiRoute({
  permission: "service_accounts.read_own",
  query: listServiceAccountsQuery,
  handler: async ({ query }, caller) => json(await listServiceAccounts(caller, query)),
});

export const POST = apiRoute({
  permission: "service_accounts.create",
  body: createServiceAccountBody,
  handler: ({ body }, caller) => createViaApi(caller, body),
});
