import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";
import { AccessSection } from "@/components/grants/access-section";
import { AccountActivity } from "@/components/service-accounts/account-activity";
import { OwnerName } from "@/components/service-accounts/owner-name";
import { ServiceAccountRowActions } from "@/components/service-accounts/service-account-row-actions";
import { TokenStatusBadge } from "@/components/service-accounts/token-status-badge";
import { TokensSection } from "@/components/service-accounts/tokens-section";
import { Badge } from "@/components/ui/badge";
import { UsageSection } from "@/components/usage/usage-section";
import { LocalTime } from "@/components/ui/local-time";
import { requirePageActor } from "@/lib/auth/guard";
import { grantableRoles, hasPermission, ROLE_LABELS, SERVICE_ACCOUNT_ROLES } from "@/lib/auth/permissions";
import { findServiceAccount } from "@/lib/service-accounts/find-service-account";
import { findAccountManagers } from "@/lib/service-accounts/find-account-managers";
import { backToList } from "@/lib/service-accounts/list-url";
import { findOwnerOptions } from "@/lib/users/find-owner-options";
import { ReadOnlyNotice } from "@/components/service-accounts/read-only-notice";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API Token" };

export default async function ApiTokenPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("service_accounts.read_own");
  const { id } = await params;
  // Back to the list this page was opened from, with its filters (validated: only our own list URLs).
  const back = backToList((await searchParams).from);
  if (!z.uuid().safeParse(id).success) notFound();
  const account = await findServiceAccount(actor, id);
  if (!account) notFound(); // also when it exists but is someone else's and the actor may not see it
  const picksOwner = account.canManage && hasPermission(actor.role, "service_accounts.manage_all");
  const ownerOptions = picksOwner ? await findOwnerOptions() : undefined;
  // An owner whose role may see but not change the account is told who can.
  const readOnly = !account.canManage && account.owner.id === actor.id;
  const managers = readOnly ? await findAccountManagers() : [];

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <Link href={back.href} className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:text-indigo-900">
          <ArrowLeft className="size-4" aria-hidden />
          {back.label}
        </Link>
        <PageHeader
          title={account.name}
          description={account.description || "No description."}
          actions={
            account.canManage ? (
              <ServiceAccountRowActions
                account={{
                  id: account.id,
                  name: account.name,
                  description: account.description,
                  role: account.role,
                  owner: account.owner,
                  status: account.status,
                  expiresAt: account.expiresAt,
                }}
                grantableRoles={grantableRoles(actor.role, SERVICE_ACCOUNT_ROLES)}
                ownerOptions={ownerOptions}
                afterDeleteHref={back.href}
                labelled
              />
            ) : null
          }
        />
        <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4">
          <Detail label="Owner">
            <OwnerName owner={account.owner} withEmail />
          </Detail>
          <Detail label="Role">
            <Badge tone="indigo">{ROLE_LABELS[account.role]}</Badge>
          </Detail>
          <Detail label="Status">
            <TokenStatusBadge status={account.status} />
          </Detail>
          <Detail label="Created">
            <LocalTime iso={account.createdAt} zone />
          </Detail>
        </dl>
        {readOnly ? <ReadOnlyNotice managers={managers} what="this account" /> : null}
      </div>
      <TokensSection actor={actor} account={account} />
      <UsageSection actor={actor} accountId={account.id} />
      <AccessSection actor={actor} account={{ id: account.id, name: account.name, ownerId: account.owner.id, role: account.role }} />
      <section aria-labelledby="activity-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="activity-heading" className="text-lg font-semibold text-slate-900">
            Recent activity
          </h2>
          {hasPermission(actor.role, "audit.read") ? (
            <Link href={`/admin/audit-log?target=${account.id}`} className="text-sm font-medium text-indigo-700 hover:text-indigo-900 hover:underline">
              View all events
            </Link>
          ) : null}
        </div>
        <AccountActivity events={account.events} />
      </section>
    </div>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 truncate text-sm text-slate-900">{children}</dd>
    </div>
  );
}
