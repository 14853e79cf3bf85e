// What each API Tokens action requires and accepts. The guard checks the base permission; each operation then
// checks the account itself (own vs every account) through ./access.ts.
import { action } from "@/lib/actions/run-action";
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

export const serviceAccountActions = {
  create: action({ name: "service_accounts.create", permission: "service_accounts.create", schema: createServiceAccountSchema, handler: createServiceAccount }),
  update: action({ name: "service_accounts.update", permission: "service_accounts.manage_own", schema: updateServiceAccountSchema, handler: updateServiceAccount }),
  regenerate: action({ name: "tokens.regenerate", permission: "service_accounts.manage_own", scope: "tokens:write", schema: regenerateTokenSchema, handler: regenerateToken }),
  revoke: action({ name: "tokens.revoke", permission: "service_accounts.manage_own", scope: "tokens:write", schema: revokeTokenSchema, handler: revokeToken }),
  delete: action({ name: "service_accounts.delete", permission: "service_accounts.manage_own", schema: deleteServiceAccountSchema, handler: deleteServiceAccount }),
};
