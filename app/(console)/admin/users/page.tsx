import type { Metadata } from "next";
import { AddUserDialog } from "@/components/users/add-user-dialog";
import { UsersTable } from "@/components/users/users-table";
import { requirePageActor } from "@/lib/auth/guard";
import { grantableRoles, hasPermission } from "@/lib/auth/permissions";
import { parseSearchParams } from "@/lib/lists/list-params";
import { findUsers } from "@/lib/users/find-users";
import { findUsersSchema } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("users.read");
  const params = parseSearchParams(findUsersSchema, await searchParams);
  const result = await findUsers(params);
  const canManage = hasPermission(actor.role, "users.manage");
  const roles = canManage ? grantableRoles(actor.role) : [];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Users</h1>
          <p className="mt-1 text-sm text-slate-600">People who can sign in to Keyhold, and what their role lets them do.</p>
        </div>
        {canManage ? <AddUserDialog grantableRoles={roles} /> : null}
      </div>
      <UsersTable result={result} params={params} canManage={canManage} grantableRoles={roles} currentUserId={actor.id} />
    </div>
  );
}
