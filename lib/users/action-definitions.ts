import { action } from "@/lib/actions/run-action";
import { findReassignOptions } from "@/lib/service-accounts/find-owned-service-accounts";
import { changeUserRole } from "./change-user-role";
import { createUser } from "./create-user";
import { changeUserRoleSchema, createUserSchema, ownedAccountsSchema, setUserStatusSchema } from "./schemas";
import { setUserStatus } from "./set-user-status";

export const userActions = {
  create: action({ name: "users.create", permission: "users.manage", schema: createUserSchema, handler: createUser }),
  changeRole: action({ name: "users.change_role", permission: "users.manage", schema: changeUserRoleSchema, handler: changeUserRole }),
  setStatus: action({ name: "users.set_status", permission: "users.manage", schema: setUserStatusSchema, handler: setUserStatus }),
  reassignOptions: action({ name: "users.reassign_options", permission: "users.manage", schema: ownedAccountsSchema, handler: findReassignOptions }),
};
