import { z } from "zod";

export const setSuspendDisabledOwnersSchema = z.object({ enabled: z.boolean() });
export type SetSuspendDisabledOwnersInput = z.input<typeof setSuspendDisabledOwnersSchema>;

export { tokenPolicySchema, type TokenPolicyInput } from "./token-policy-schema";
