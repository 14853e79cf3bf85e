import type { Metadata } from "next";
import { AddUserDialog } from "@/components/users/add-user-dialog";
import { UsersTable } from "@/components/users/users-table";
import { requirePageActor } from "@/lib/auth/guard";
import { grantableRoles, hasPermission } from "@/lib/auth/permissions";
import { parseSearchParams } from "@/lib/lists/list-params";
import { findUsers } from "@/lib/users/find-users";
import { findUsersSchema } from "@/lib/users/schemas";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("users.read");
  const params = parseSearchParams(findUsersSchema, await searchParams);
  const result = await findUsers(params);
  const canManage = hasPermission(actor.role, "users.manage");
  const roles = canManage ? grantableRoles(actor.role) : [];

  return (
    <div className="space-y-6">
      <PageHeader
        title="Users"
        description="People who can sign in to Keyhold, and what their role lets them do."
        actions={canManage ? <AddUserDialog grantableRoles={roles} /> : null}
      />
      <UsersTable result={result} params={params} canManage={canManage} grantableRoles={roles} currentUserId={actor.id} />
    </div>
  );
}
