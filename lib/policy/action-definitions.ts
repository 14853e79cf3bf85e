import { action } from "@/lib/actions/run-action";
import { setSuspendDisabledOwnersSchema } from "./schemas";
import { setSuspendDisabledOwners } from "./suspend-disabled-owners";

export const policyActions = {
  setSuspendDisabledOwners: action({ permission: "settings.manage", schema: setSuspendDisabledOwnersSchema, handler: setSuspendDisabledOwners }),
};
