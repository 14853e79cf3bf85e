import { z } from "zod";
import { action } from "@/lib/actions/run-action";
import { setAuditRetention } from "./retention";
import { setRetentionSchema } from "./schemas";
import { verifyAuditLog } from "./verify-action";

export const auditActions = {
  verify: action({ name: "audit.verify", permission: "audit.read", schema: z.object({}), handler: verifyAuditLog }),
  setRetention: action({ name: "audit.set_retention", permission: "settings.manage", schema: setRetentionSchema, handler: setAuditRetention }),
};
