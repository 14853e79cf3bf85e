"use server";
// API Tokens page server actions. The guard checks the base permission; each operation then checks the
// account itself (own vs every account) through lib/service-accounts/access.ts.
import { defineAction } from "@/lib/actions/action-client";
import { createServiceAccount } from "./create-service-account";
import { deleteServiceAccount } from "./delete-service-account";
import { regenerateToken } from "./regenerate-token";
import { revokeToken } from "./revoke-token";
import {
  createServiceAccountSchema,
  deleteServiceAccountSchema,
  regenerateTokenSchema,
  revokeTokenSchema,
  updateServiceAccountSchema,
} from "./schemas";
import { updateServiceAccount } from "./update-service-account";

export const createServiceAccountAction = defineAction({
  permission: "service_accounts.create",
  schema: createServiceAccountSchema,
  handler: createServiceAccount,
});
export const updateServiceAccountAction = defineAction({
  permission: "service_accounts.manage_own",
  schema: updateServiceAccountSchema,
  handler: updateServiceAccount,
});
export const regenerateTokenAction = defineAction({
  permission: "service_accounts.manage_own",
  schema: regenerateTokenSchema,
  handler: regenerateToken,
});
export const revokeTokenAction = defineAction({ permission: "service_accounts.manage_own", schema: revokeTokenSchema, handler: revokeToken });
export const deleteServiceAccountAction = defineAction({
  permission: "service_accounts.manage_own",
  schema: deleteServiceAccountSchema,
  handler: deleteServiceAccount,
});
