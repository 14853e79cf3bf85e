"use server";
// The Users page's server actions. Each is public over HTTP: defineAction applies the guard and the schema.
import { defineAction } from "@/lib/actions/action-client";
import { changeUserRole } from "./change-user-role";
import { createUser } from "./create-user";
import { changeUserRoleSchema, createUserSchema, setUserStatusSchema } from "./schemas";
import { setUserStatus } from "./set-user-status";

export const createUserAction = defineAction({ permission: "users.manage", schema: createUserSchema, handler: createUser });
export const changeUserRoleAction = defineAction({ permission: "users.manage", schema: changeUserRoleSchema, handler: changeUserRole });
export const setUserStatusAction = defineAction({ permission: "users.manage", schema: setUserStatusSchema, handler: setUserStatus });
