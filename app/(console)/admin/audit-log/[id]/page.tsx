import { notFound, redirect } from "next/navigation";
import { auditHref } from "@/components/audit/audit-url";
import { requirePageActor } from "@/lib/auth/guard";
import { isInt64Id } from "@/lib/validation/ids";

/** A permanent link to one event: the log, with that event's panel open. */
export default async function AuditEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("audit.read");
  const { id } = await params;
  if (!isInt64Id(id)) notFound();
  redirect(auditHref({ event: id }));
}
