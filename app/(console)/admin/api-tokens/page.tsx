import type { Metadata } from "next";
import { SuspendDisabledOwnersSetting } from "@/components/policy/suspend-disabled-owners-setting";
import { CreateTokenDialog } from "@/components/service-accounts/create-token-dialog";
import { ServiceAccountsTable } from "@/components/service-accounts/service-accounts-table";
import { requirePageActor } from "@/lib/auth/guard";
import { grantableRoles, hasPermission, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { parseSearchParams } from "@/lib/lists/list-params";
import { suspendsDisabledOwnersTokens } from "@/lib/policy/suspend-disabled-owners";
import { manageableIds } from "@/lib/service-accounts/access";
import { findServiceAccounts } from "@/lib/service-accounts/find-service-accounts";
import { findServiceAccountsSchema } from "@/lib/service-accounts/schemas";
import { withoutFullToken } from "@/lib/service-accounts/list-url";
import { redirect } from "next/navigation";
import { findOwnerOptions } from "@/lib/users/find-owner-options";
import { PageHeader } from "@/components/ui/page-header";
import { AttentionFilterNotice } from "@/components/home/attention-filter-notice";
import { ReadOnlyNotice } from "@/components/service-accounts/read-only-notice";
import { findAccountManagers } from "@/lib/service-accounts/find-account-managers";

export const metadata: Metadata = { title: "API Tokens" };

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("service_accounts.read_own");
  const params = parseSearchParams(findServiceAccountsSchema, await searchParams);
  const searchByHint = withoutFullToken("/admin/api-tokens", params);
  if (searchByHint) redirect(searchByHint);
  // Only those who may hand an account to anyone (ADMIN and up) get to pick an owner; everyone else owns theirs.
  const picksOwner = hasPermission(actor.role, "service_accounts.manage_all");
  const [result, ownerOptions, suspendDisabled] = await Promise.all([
    findServiceAccounts(actor, params),
    picksOwner ? findOwnerOptions() : undefined,
    picksOwner ? suspendsDisabledOwnersTokens() : false,
  ]);
  const manageable = manageableIds(actor, result.rows);
  const roles = grantableRoles(actor.role, SERVICE_ACCOUNT_ROLES);
  const readOnly = result.total > 0 && !hasPermission(actor.role, "service_accounts.manage_own");
  const managers = readOnly ? await findAccountManagers() : [];

  return (
    <div className="space-y-6">
      <PageHeader
        title="API Tokens"
        description="An API token authorizes the CLI and direct calls to the REST API. Creating a token creates a service account with it: a non-interactive user whose role decides what the token may do, and whose every action is entered in the audit log."
        actions={
          hasPermission(actor.role, "service_accounts.create") ? (
            <CreateTokenDialog grantableRoles={roles} ownerOptions={ownerOptions} actorId={actor.id} />
          ) : null
        }
      />
      <AttentionFilterNotice attention={params.attention} clearHref="/admin/api-tokens" />
      {readOnly ? <ReadOnlyNotice managers={managers} what="your service accounts" /> : null}
      <ServiceAccountsTable result={result} params={params} manageableIds={manageable} grantableRoles={roles} ownerOptions={ownerOptions} />
      {picksOwner ? <SuspendDisabledOwnersSetting enabled={suspendDisabled} canManage={hasPermission(actor.role, "settings.manage")} /> : null}
    </div>
  );
}
