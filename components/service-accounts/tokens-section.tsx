import type { Actor } from "@/lib/auth/actor";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { findScopeChoices } from "@/lib/service-accounts/find-scope-choices";
import { findAccountTokens } from "@/lib/service-accounts/find-tokens";
import { AccountTokensTable } from "./account-tokens-table";
import { AddTokenDialog } from "./add-token-dialog";

/** The detail page's Tokens section: every token, with Add token, Rotate and Revoke for those who may manage the account. */
export async function TokensSection({ actor, account }: { actor: Actor; account: { id: string; name: string; role: ServiceAccountRole; canManage: boolean } }) {
  const [found, scopeChoices] = await Promise.all([findAccountTokens(actor, account.id), account.canManage ? findScopeChoices(actor, account.role) : []]);
  if (!found) return null;
  const live = found.tokens.filter((token) => token.current && (token.status === "active" || token.status === "expiring")).length;
  return (
    <section aria-labelledby="tokens-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="tokens-heading" className="text-lg font-semibold text-slate-900">
          Tokens <span className="text-sm font-normal text-slate-500">({live} live)</span>
        </h2>
        {account.canManage ? <AddTokenDialog account={{ id: account.id, name: account.name, role: account.role }} scopeChoices={scopeChoices} /> : null}
      </div>
      <AccountTokensTable tokens={found.tokens} archivedScopes={found.archivedScopes} canManage={account.canManage} accountName={account.name} />
    </section>
  );
}
