// What each grants action requires and accepts. The guard checks access.manage (ADMIN+); each then checks the
// account itself through the one access rule (lib/service-accounts/access.ts, set_grants).
import { action } from "@/lib/actions/run-action";
import { putGrant, removeGrant, setGrants } from "./change-grants";
import { putGrantSchema, removeGrantSchema, setGrantsSchema } from "./schemas";

export const grantActions = {
  set: action({ name: "grants.set", permission: "access.manage", schema: setGrantsSchema, handler: setGrants }),
  put: action({ name: "grants.put", permission: "access.manage", schema: putGrantSchema, handler: putGrant }),
  remove: action({ name: "grants.remove", permission: "access.manage", schema: removeGrantSchema, handler: removeGrant }),
};
