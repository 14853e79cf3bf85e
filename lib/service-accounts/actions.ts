"use server";
// The API Tokens page's server actions: public HTTP endpoints, each built by defineAction from its definition.
import { defineAction } from "@/lib/actions/action-client";
import { serviceAccountActions } from "./action-definitions";

export const createServiceAccountAction = defineAction(serviceAccountActions.create);
export const updateServiceAccountAction = defineAction(serviceAccountActions.update);
export const regenerateTokenAction = defineAction(serviceAccountActions.regenerate);
export const revokeTokenAction = defineAction(serviceAccountActions.revoke);
export const resumeTokenAction = defineAction(serviceAccountActions.resume);
export const deleteServiceAccountAction = defineAction(serviceAccountActions.delete);
export const addTokenAction = defineAction(serviceAccountActions.addToken);
export const rotateTokenAction = defineAction(serviceAccountActions.rotateToken);
export const updateTokenAction = defineAction(serviceAccountActions.updateToken);
export const bulkRevokeTokensAction = defineAction(serviceAccountActions.bulkRevoke);
export const findTokenHintAction = defineAction(serviceAccountActions.findTokenHint);
