"use client";
import { ArchiveToggle } from "@/components/ui/archive-toggle";
import { Badge } from "@/components/ui/badge";
import { SimpleTable } from "@/components/ui/simple-table";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { CustomScopeRow } from "@/lib/scopes/find-scopes";
import { setScopeArchivedAction } from "@/lib/scopes/actions";
import { ScopeDialog } from "./scope-dialog";

const ARCHIVING = "No token can be given it any more. Tokens that have it keep it (flagged), so the services that check it keep working until you change those tokens.";

/** The organisation's custom scopes, with Edit and Archive/Unarchive. */
export function CustomScopesTable({ scopes }: { scopes: readonly CustomScopeRow[] }) {
  return (
    <SimpleTable
      label="Custom scopes"
      headers={["Name", "Description", "Minimum role", "Status", "Live tokens", ""]}
      empty="No custom scopes yet."
      rows={scopes.map((scope) => ({
        key: scope.id,
        cells: [
          <span key="n" className="font-mono text-slate-900">{scope.name}</span>,
          scope.description || <span className="text-slate-500">—</span>,
          ROLE_LABELS[scope.minimumRole],
          scope.archived ? <Badge tone="gray">Archived</Badge> : <Badge tone="green">Active</Badge>,
          <span key="c" className="tabular-nums">{scope.liveTokens}</span>,
          <div key="a" className="flex justify-end gap-2">
            <ScopeDialog scope={scope} />
            <ArchiveToggle name={scope.name} archived={scope.archived} consequence={ARCHIVING} setArchived={(archived) => setScopeArchivedAction({ id: scope.id, archived })} />
          </div>,
        ],
      }))}
    />
  );
}

/** Keyhold's own scopes: read-only, what each lets a token do with Keyhold's API. */
export function BuiltInScopesTable({ scopes }: { scopes: readonly { name: string; description: string }[] }) {
  return (
    <SimpleTable
      label="Built-in scopes"
      headers={["Name", "Lets a token"]}
      empty="None."
      rows={scopes.map((scope) => ({ key: scope.name, cells: [<span key="n" className="font-mono text-slate-900">{scope.name}</span>, scope.description] }))}
    />
  );
}
