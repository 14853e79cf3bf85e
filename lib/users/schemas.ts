import { z } from "zod";
import { HUMAN_ROLES } from "@/lib/auth/permissions";
import { listParamsSchema } from "@/lib/lists/list-params";
import { singleLineText } from "@/lib/validation/text";

export const emailSchema = singleLineText()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }).max(254, "Email is too long"));

export const newPasswordSchema = z
  .string()
  .min(12, "Password must be at least 12 characters")
  .max(256, "Password must be at most 256 characters");

export const roleSchema = z.enum(HUMAN_ROLES, { error: "Choose a role" });

export const createUserSchema = z
  .object({
    name: singleLineText().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
    email: emailSchema,
    role: roleSchema,
    passwordMode: z.enum(["generate", "set"]),
    password: z.string().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.passwordMode !== "set") return;
    const result = newPasswordSchema.safeParse(input.password ?? "");
    for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", path: ["password"], message: issue.message });
  });
export type CreateUserInput = z.input<typeof createUserSchema>;

/** reassignTo: give every service account the user owns to this user, in the same step. */
const reassignTo = z.uuid("Choose a user").optional();
export const changeUserRoleSchema = z.object({ userId: z.uuid(), role: roleSchema, reassignTo });
export type ChangeUserRoleInput = z.input<typeof changeUserRoleSchema>;

export const setUserStatusSchema = z.object({ userId: z.uuid(), status: z.enum(["ACTIVE", "DISABLED"]), reassignTo });
export const ownedAccountsSchema = z.object({ userId: z.uuid() });
export type SetUserStatusInput = z.input<typeof setUserStatusSchema>;

export const USER_SORTS = ["name", "email", "role", "status", "createdAt", "lastSignInAt"] as const;
export const findUsersSchema = listParamsSchema(USER_SORTS, "createdAt").extend({
  role: roleSchema.optional(),
  status: z.enum(["ACTIVE", "DISABLED"]).optional(),
});
export type FindUsersParams = z.output<typeof findUsersSchema>;
