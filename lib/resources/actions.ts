"use server";
// Admin → Resources: public HTTP endpoints, each built by defineAction from its definition.
import { defineAction } from "@/lib/actions/action-client";
import { resourceActions } from "./action-definitions";

export const createResourceTypeAction = defineAction(resourceActions.createType);
export const updateResourceTypeAction = defineAction(resourceActions.updateType);
export const createResourceAction = defineAction(resourceActions.create);
export const setResourceArchivedAction = defineAction(resourceActions.setArchived);
