"use client";
import { useEffect, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Field, fieldA11y } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/generated/enums";
import type { ReassignOptions } from "@/lib/service-accounts/find-owned-service-accounts";
import { reassignOptionsAction } from "@/lib/users/actions";

type Props = {
  user: { id: string; name: string };
  /** For a role change: the role the user is getting, to flag the accounts they could no longer look after. */
  newRole?: Role;
  /** The chosen new owner; "" keeps the accounts with the user. */
  value: string;
  onChange: (ownerId: string) => void;
  error?: string;
};

/**
 * The service accounts a user owns, and an offer to give them all to someone else in the same step (the
 * disable and change-role dialogs). Their tokens keep working either way, unless an OWNER suspends the tokens
 * of disabled owners.
 */
export function ReassignAccounts({ user, newRole, value, onChange, error }: Props) {
  const [options, setOptions] = useState<ReassignOptions | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void reassignOptionsAction({ userId: user.id }).then((result) => {
      if (!live) return;
      if (result.ok) setOptions(result.data);
      else setFailed(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [user.id]);

  if (failed) return <p className="text-sm text-red-600">{failed}</p>;
  if (!options) return <p className="text-sm text-slate-500" aria-live="polite">Looking up their service accounts…</p>;
  if (!options.total) return <p className="text-sm text-slate-600">{user.name} owns no service accounts.</p>;
  const id = `reassign-${user.id}`;
  const unmanageable = newRole ? options.accounts.filter((a) => !a.manageableByOwnerAs[newRole]).length : 0;
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <p className="text-sm text-slate-700">
        {user.name} owns {options.total} service {options.total === 1 ? "account" : "accounts"}. Their tokens keep working unless you give
        them to someone else.
        {unmanageable ? ` As ${ROLE_LABELS[newRole!]}, they could no longer manage ${unmanageable} of them.` : ""}
      </p>
      <ul className="space-y-1 text-sm" aria-label={`Service accounts ${user.name} owns`}>
        {options.accounts.map((account) => (
          <li key={account.id} className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">{account.name}</span>
            <Badge>{ROLE_LABELS[account.role as keyof typeof ROLE_LABELS] ?? account.role}</Badge>
            {newRole && !account.manageableByOwnerAs[newRole] ? <span className="text-xs text-amber-700">out of reach as {ROLE_LABELS[newRole]}</span> : null}
          </li>
        ))}
        {options.total > options.accounts.length ? <li className="text-slate-500">and {options.total - options.accounts.length} more</li> : null}
      </ul>
      <Field id={id} label="Give all of them to" error={error}>
        <Select {...fieldA11y(id, error)} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">Keep them with {user.name}</option>
          {options.owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name} ({owner.email})
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
