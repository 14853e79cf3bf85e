"use server";
// The detail page's Access section: public HTTP endpoints, each built by defineAction from its definition.
import { defineAction } from "@/lib/actions/action-client";
import { grantActions } from "./action-definitions";

export const putGrantAction = defineAction(grantActions.put);
export const removeGrantAction = defineAction(grantActions.remove);
