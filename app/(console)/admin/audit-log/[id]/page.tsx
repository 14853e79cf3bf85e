import { notFound, redirect } from "next/navigation";
import { auditHref } from "@/components/audit/audit-url";
import { requirePageActor } from "@/lib/auth/guard";

/** A permanent link to one event: the log, with that event's panel open. */
export default async function AuditEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("audit.read");
  const { id } = await params;
  if (!/^\d{1,19}$/.test(id)) notFound();
  redirect(auditHref({ event: id }));
}
