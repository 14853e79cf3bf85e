"use server";
// Token policy server actions: public HTTP endpoints, each built by defineAction from its definition.
import { defineAction } from "@/lib/actions/action-client";
import { policyActions } from "./action-definitions";

export const setSuspendDisabledOwnersAction = defineAction(policyActions.setSuspendDisabledOwners);
export const setTokenPolicyAction = defineAction(policyActions.setTokenPolicy);
