"use server";
// Admin → Scopes: public HTTP endpoints, each built by defineAction from its definition.
import { defineAction } from "@/lib/actions/action-client";
import { scopeActions } from "./action-definitions";

export const createScopeAction = defineAction(scopeActions.create);
export const updateScopeAction = defineAction(scopeActions.update);
export const setScopeArchivedAction = defineAction(scopeActions.setArchived);
