import type { Actor } from "@/lib/auth/actor";
import { findAccountAccess } from "@/lib/grants/find-grants";
import type { AccountFacts } from "@/lib/service-accounts/access";
import { GrantsTable } from "./grants-table";

/**
 * The detail page's Access section: the account's roles on resources of other services. Whoever may see the
 * account sees them; only someone the access rule lets change its grants (ADMIN+) gets the controls.
 */
export async function AccessSection({ actor, account }: { actor: Actor; account: AccountFacts }) {
  const access = await findAccountAccess(actor, account);
  return (
    <section aria-labelledby="access-heading" className="space-y-3">
      <div>
        <h2 id="access-heading" className="text-lg font-semibold text-slate-900">
          Access
        </h2>
        <p className="text-sm text-slate-600">Its role on resources of your other services, which they learn from introspection and authorize.</p>
      </div>
      <GrantsTable accountId={account.id} accountName={account.name} access={access} />
    </section>
  );
}
