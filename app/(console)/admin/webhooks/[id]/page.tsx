import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { LocalTime } from "@/components/ui/local-time";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveriesTable } from "@/components/webhooks/deliveries-table";
import { WebhookActions } from "@/components/webhooks/webhook-actions";
import { WebhookStatusBadge } from "@/components/webhooks/webhook-status-badge";
import { requirePageActor } from "@/lib/auth/guard";
import { findWebhookDeliveries, findWebhookEndpoint } from "@/lib/webhooks/find-webhooks";

export const metadata: Metadata = { title: "Webhook endpoint" };

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("webhooks.manage");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const endpoint = await findWebhookEndpoint(id);
  if (!endpoint) notFound();
  const deliveries = await findWebhookDeliveries(id);

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <Link href="/admin/webhooks" className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:text-indigo-900">
          <ArrowLeft className="size-4" aria-hidden />
          Webhooks
        </Link>
        <PageHeader title={<span className="break-all">{endpoint.url}</span>} description={endpoint.description || "No description."} actions={<WebhookActions endpoint={endpoint} />} />
      </div>
      <dl className="grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium text-slate-600">Status</dt>
          <dd className="mt-1 space-y-1">
            <WebhookStatusBadge endpoint={endpoint} />
            {endpoint.disabledReason ? (
              <p className="text-slate-600">
                {endpoint.disabledReason}
                {endpoint.disabledAt ? (
                  <>
                    {" "}
                    (<LocalTime iso={endpoint.disabledAt} />)
                  </>
                ) : null}
              </p>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Events</dt>
          <dd className="mt-1 font-mono text-xs text-slate-900">{endpoint.events.join(", ")}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">Signing secret</dt>
          <dd className="mt-1 text-slate-700">
            {endpoint.previousSecretUntil ? (
              <>
                Rotated: the previous secret also signs until <LocalTime iso={endpoint.previousSecretUntil} />.
              </>
            ) : (
              "Shown once when added or rotated."
            )}
          </dd>
        </div>
      </dl>
      <section aria-labelledby="deliveries-heading" className="space-y-3">
        <h2 id="deliveries-heading" className="text-lg font-semibold text-slate-900">
          Deliveries
        </h2>
        <DeliveriesTable deliveries={deliveries} />
      </section>
    </div>
  );
}
