"use client";
import { useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SimpleTable } from "@/components/ui/simple-table";
import { removeGrantAction } from "@/lib/grants/actions";
import type { AccountAccess, GrantRow } from "@/lib/grants/find-grants";
import { GrantDialog } from "./grant-dialog";

/** The account's grants; with Grant access, Change role and Remove for those who may change them. */
export function GrantsTable({ accountId, accountName, access }: { accountId: string; accountName: string; access: AccountAccess }) {
  // Where focus goes once a removed row (and its button) is gone.
  const grantButton = useRef<HTMLButtonElement>(null);
  const [removing, setRemoving] = useState<GrantRow | null>(null);
  const { grants, canChange, types } = access;

  return (
    <div className="space-y-3">
      {canChange ? <GrantDialog accountId={accountId} types={types} triggerRef={grantButton} /> : null}
      <SimpleTable
        label={`Resource grants of ${accountName}`}
        headers={canChange ? ["Type", "Resource", "Role", ""] : ["Type", "Resource", "Role"]}
        empty="No grants: this account has no role on any resource."
        rows={grants.map((grant) => ({
          key: `${grant.type}/${grant.resource}`,
          cells: [
            <span key="t" className="font-mono">{grant.type}</span>,
            <span key="r" className="font-mono text-slate-900">
              {grant.resource}
              {grant.archived ? (
                <span className="ml-2">
                  <Badge tone="gray">Archived: grants nothing</Badge>
                </span>
              ) : null}
            </span>,
            <Badge key="role" tone="indigo">{grant.role}</Badge>,
            ...(canChange
              ? [
                  <div key="a" className="flex justify-end gap-2">
                    {grant.archived ? null : <GrantDialog accountId={accountId} types={types} grant={grant} />}
                    <Button variant="secondary" size="sm" className="text-red-700" onClick={() => setRemoving(grant)} aria-label={`Remove ${grant.role} on ${grant.type} ${grant.resource}`}>
                      Remove
                    </Button>
                  </div>,
                ]
              : []),
          ],
        }))}
      />
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        returnFocusTo={grantButton}
        title={`Remove ${removing?.role ?? ""} on ${removing?.type ?? ""} ${removing?.resource ?? ""}?`}
        description="The account's tokens lose this role on their very next check."
        confirmLabel="Remove"
        action={() => removeGrantAction({ serviceAccountId: accountId, type: removing!.type, resource: removing!.resource })}
        successMessage="Grant removed"
      />
    </div>
  );
}
