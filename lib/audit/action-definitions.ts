import { z } from "zod";
import { action } from "@/lib/actions/run-action";
import { setAuditRetention } from "./retention";
import { setRetentionSchema } from "./schemas";
import { verifyAuditLog } from "./verify-action";

export const auditActions = {
  verify: action({ permission: "audit.read", schema: z.object({}), handler: verifyAuditLog }),
  setRetention: action({ permission: "settings.manage", schema: setRetentionSchema, handler: setAuditRetention }),
};
