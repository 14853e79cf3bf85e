"use server";
// The Audit Log page's server actions: public HTTP endpoints, each built by defineAction from its definition.
import { defineAction } from "@/lib/actions/action-client";
import { auditActions } from "./action-definitions";

export const verifyAuditLogAction = defineAction(auditActions.verify);
export const setAuditRetentionAction = defineAction(auditActions.setRetention);
