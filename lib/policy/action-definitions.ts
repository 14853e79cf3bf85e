import { action } from "@/lib/actions/run-action";
import { setSuspendDisabledOwnersSchema, tokenPolicySchema } from "./schemas";
import { setSuspendDisabledOwners } from "./suspend-disabled-owners";
import { setTokenPolicy } from "./token-policy";

export const policyActions = {
  setSuspendDisabledOwners: action({ name: "policy.set_suspend_disabled_owners", permission: "settings.manage", schema: setSuspendDisabledOwnersSchema, handler: setSuspendDisabledOwners }),
  setTokenPolicy: action({ name: "policy.set_token_policy", permission: "settings.manage", schema: tokenPolicySchema, handler: setTokenPolicy }),
};
