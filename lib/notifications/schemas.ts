import { z } from "zod";
import { PREFERENCE_KIND_NAMES } from "./preferences";

export const setNotificationPreferenceSchema = z.object({ kind: z.enum(PREFERENCE_KIND_NAMES), enabled: z.boolean() });
export type SetNotificationPreferenceInput = z.input<typeof setNotificationPreferenceSchema>;

export const sendTestEmailSchema = z.object({});
