import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

export const signInSchema = z.object({
  email: singleLineText().trim().min(1, "Enter your email").max(254),
  password: z.string().min(1, "Enter your password").max(256),
});
export type SignInInput = z.input<typeof signInSchema>;
