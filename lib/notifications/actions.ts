"use server";
// Email notice server actions: public HTTP endpoints, each built by defineAction from its definition.
import { defineAction } from "@/lib/actions/action-client";
import { notificationActions } from "./action-definitions";

export const setNotificationPreferenceAction = defineAction(notificationActions.setPreference);
export const sendTestEmailAction = defineAction(notificationActions.sendTestEmail);
