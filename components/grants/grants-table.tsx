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
  const grantButton = useRef<HTMLButtonElement>(null);
  // Where focus goes when the removal dialog closes: its Remove button, or, once that row is gone, Grant access.
  const focusAfterRemove = useRef<HTMLElement | null>(null);
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
                    <Button variant="secondary" size="sm" className="text-red-700" onClick={(event) => {
                        focusAfterRemove.current = event.currentTarget;
                        setRemoving(grant);
                      }} aria-label={`Remove ${grant.role} on ${grant.type} ${grant.resource}`}>
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
        returnFocusTo={focusAfterRemove}
        title={`Remove ${removing?.role ?? ""} on ${removing?.type ?? ""} ${removing?.resource ?? ""}?`}
        description="The account's tokens lose this role on their very next check."
        confirmLabel="Remove"
        action={async () => {
          const result = await removeGrantAction({ serviceAccountId: accountId, type: removing!.type, resource: removing!.resource });
          if (result.ok) focusAfterRemove.current = grantButton.current;
          return result;
        }}
        successMessage="Grant removed"
      />
    </div>
  );
}
