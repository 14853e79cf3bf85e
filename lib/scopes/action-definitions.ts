// What each Admin → Scopes action requires and accepts (and the API's POST /api/v1/scopes, which runs create).
import { action } from "@/lib/actions/run-action";
import { createScope } from "./create-scope";
import { createScopeSchema, setScopeArchivedSchema, updateScopeSchema } from "./schemas";
import { setScopeArchived, updateScope } from "./update-scope";

export const scopeActions = {
  create: action({ name: "scopes.create", permission: "access.manage", schema: createScopeSchema, handler: createScope }),
  update: action({ name: "scopes.update", permission: "access.manage", schema: updateScopeSchema, handler: updateScope }),
  setArchived: action({ name: "scopes.set_archived", permission: "access.manage", schema: setScopeArchivedSchema, handler: setScopeArchived }),
};
