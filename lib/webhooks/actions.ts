"use server";
// Admin → Webhooks: public HTTP endpoints, each built by defineAction from its definition.
import { defineAction } from "@/lib/actions/action-client";
import { webhookActions } from "./action-definitions";

export const createWebhookAction = defineAction(webhookActions.create);
export const setWebhookEnabledAction = defineAction(webhookActions.setEnabled);
export const rotateWebhookSecretAction = defineAction(webhookActions.rotateSecret);
export const deleteWebhookAction = defineAction(webhookActions.delete);
export const sendTestEventAction = defineAction(webhookActions.sendTest);
export const redeliverWebhookAction = defineAction(webhookActions.redeliver);
