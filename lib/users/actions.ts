"use server";
// The Users page's server actions: public HTTP endpoints, each built by defineAction from its definition.
import { defineAction } from "@/lib/actions/action-client";
import { userActions } from "./action-definitions";

export const createUserAction = defineAction(userActions.create);
export const changeUserRoleAction = defineAction(userActions.changeRole);
export const setUserStatusAction = defineAction(userActions.setStatus);
export const reassignOptionsAction = defineAction(userActions.reassignOptions);
