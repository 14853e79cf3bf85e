// What each API Tokens action requires and accepts. The guard checks the base permission; each operation then
// checks the account itself (own vs every account) through ./access.ts.
import { action } from "@/lib/actions/run-action";
import { resumeToken } from "@/lib/stale-tokens/resume-token";
import { resumeTokenSchema } from "@/lib/stale-tokens/resume-token-schema";
import { addToken } from "./add-token";
import { BULK_REVOKE, bulkRevokeTokens } from "./bulk-revoke-tokens";
import { createServiceAccount } from "./create-service-account";
import { deleteServiceAccount } from "./delete-service-account";
import { findTokenHint } from "./find-token-hint";
import { regenerateToken } from "./regenerate-token";
import { revokeToken } from "./revoke-token";
import { rotateToken } from "./rotate-token";
import {
  createServiceAccountSchema,
  deleteServiceAccountSchema,
  regenerateTokenSchema,
  revokeTokenSchema,
  tokenSearchSchema,
  updateServiceAccountSchema,
} from "./schemas";
import { addTokenSchema, bulkRevokeTokensSchema, rotateTokenSchema, updateTokenSchema } from "./token-schemas";
import { updateServiceAccount } from "./update-service-account";
import { updateToken } from "./update-token";

export const serviceAccountActions = {
  create: action({ name: "service_accounts.create", permission: "service_accounts.create", schema: createServiceAccountSchema, handler: createServiceAccount }),
  update: action({ name: "service_accounts.update", permission: "service_accounts.manage_own", schema: updateServiceAccountSchema, handler: updateServiceAccount }),
  regenerate: action({ name: "tokens.regenerate", permission: "service_accounts.manage_own", scope: "tokens:write", schema: regenerateTokenSchema, handler: regenerateToken }),
  revoke: action({ name: "tokens.revoke", permission: "service_accounts.manage_own", scope: "tokens:write", schema: revokeTokenSchema, handler: revokeToken }),
  resume: action({ name: "tokens.resume", permission: "service_accounts.manage_own", scope: "tokens:write", schema: resumeTokenSchema, handler: resumeToken }),
  bulkRevoke: action({ ...BULK_REVOKE, scope: "tokens:write", schema: bulkRevokeTokensSchema, handler: bulkRevokeTokens }),
  addToken: action({ name: "tokens.add", permission: "service_accounts.manage_own", scope: "tokens:write", schema: addTokenSchema, handler: addToken }),
  rotateToken: action({ name: "tokens.rotate", permission: "service_accounts.manage_own", scope: "tokens:write", schema: rotateTokenSchema, handler: rotateToken }),
  updateToken: action({ name: "tokens.update", permission: "service_accounts.manage_own", scope: "tokens:write", schema: updateTokenSchema, handler: updateToken }),
  // A read: nothing changes, so nothing is audited (and the token it is given is never written anywhere).
  findTokenHint: action({ name: "tokens.search", permission: "service_accounts.read_own", schema: tokenSearchSchema, handler: findTokenHint }),
  delete: action({ name: "service_accounts.delete", permission: "service_accounts.manage_own", schema: deleteServiceAccountSchema, handler: deleteServiceAccount }),
};
