import { action } from "@/lib/actions/run-action";
import { setSuspendDisabledOwnersSchema } from "./schemas";
import { setSuspendDisabledOwners } from "./suspend-disabled-owners";

export const policyActions = {
  setSuspendDisabledOwners: action({ name: "policy.set_suspend_disabled_owners", permission: "settings.manage", schema: setSuspendDisabledOwnersSchema, handler: setSuspendDisabledOwners }),
};
