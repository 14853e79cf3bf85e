import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requirePageActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Audit Log" };

export default async function AuditLogPage() {
  await requirePageActor("audit.read");
  return <ComingSoon title="Audit Log">Browse, filter and export the audit trail here.</ComingSoon>;
}
