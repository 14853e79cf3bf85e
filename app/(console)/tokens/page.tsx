import type { Metadata } from "next";
import { CreateTokenDialog } from "@/components/service-accounts/create-token-dialog";
import { ServiceAccountsTable } from "@/components/service-accounts/service-accounts-table";
import { requirePageActor } from "@/lib/auth/guard";
import { grantableRoles, hasPermission, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { parseSearchParams } from "@/lib/lists/list-params";
import { manageableIds } from "@/lib/service-accounts/access";
import { findServiceAccounts } from "@/lib/service-accounts/find-service-accounts";
import { findServiceAccountsSchema } from "@/lib/service-accounts/schemas";
import { withoutFullToken } from "@/lib/service-accounts/list-url";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { AttentionFilterNotice } from "@/components/home/attention-filter-notice";
import { ReadOnlyNotice } from "@/components/service-accounts/read-only-notice";
import { findAccountManagers } from "@/lib/service-accounts/find-account-managers";

export const metadata: Metadata = { title: "My tokens" };

/** The API tokens the signed-in user owns, whatever their role. New ones are always theirs: no owner picker. */
export default async function MyTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("service_accounts.read_own");
  const params = parseSearchParams(findServiceAccountsSchema, await searchParams);
  const searchByHint = withoutFullToken("/tokens", params);
  if (searchByHint) redirect(searchByHint);
  const result = await findServiceAccounts(actor, { ...params, ownerId: undefined }, { mine: true });
  const manageable = manageableIds(actor, result.rows);
  const roles = grantableRoles(actor.role, SERVICE_ACCOUNT_ROLES);
  // An owner whose role may not change their own accounts (VIEWER) is told who can.
  const readOnly = result.total > 0 && !hasPermission(actor.role, "service_accounts.manage_own");
  const managers = readOnly ? await findAccountManagers() : [];

  return (
    <div className="space-y-6">
      <PageHeader
        title="My tokens"
        description="The API tokens you own. A token's value is shown only once, when it is created or regenerated."
        actions={hasPermission(actor.role, "service_accounts.create") ? <CreateTokenDialog grantableRoles={roles} actorId={actor.id} /> : null}
      />
      <AttentionFilterNotice attention={params.attention} clearHref="/tokens" />
      {readOnly ? <ReadOnlyNotice managers={managers} what="your service accounts" /> : null}
      <ServiceAccountsTable
        result={result}
        params={{ ...params, ownerId: undefined }}
        manageableIds={manageable}
        grantableRoles={roles}
        showOwner={false}
      />
    </div>
  );
}
