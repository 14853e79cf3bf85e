import type { Metadata } from "next";
import { ScopeDialog } from "@/components/scopes/scope-dialog";
import { BuiltInScopesTable, CustomScopesTable } from "@/components/scopes/scopes-tables";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/guard";
import { builtInScopes, findCustomScopes } from "@/lib/scopes/find-scopes";

export const metadata: Metadata = { title: "Scopes" };

export default async function ScopesPage() {
  await requirePageActor("access.manage");
  const custom = await findCustomScopes();

  return (
    <div className="space-y-8">
      <PageHeader
        title="Scopes"
        description="A token may do what its account's role allows, narrowed to its scopes. Built-in scopes narrow Keyhold's own API; custom scopes are for your other services, which ask Keyhold about them."
        actions={<ScopeDialog />}
      />
      <section aria-labelledby="custom-scopes-heading" className="space-y-3">
        <h2 id="custom-scopes-heading" className="text-lg font-semibold text-slate-900">
          Custom scopes
        </h2>
        <CustomScopesTable scopes={custom} />
      </section>
      <section aria-labelledby="built-in-scopes-heading" className="space-y-3">
        <h2 id="built-in-scopes-heading" className="text-lg font-semibold text-slate-900">
          Built-in scopes
        </h2>
        <BuiltInScopesTable scopes={builtInScopes()} />
      </section>
    </div>
  );
}
