import type { Metadata } from "next";
import { AddWebhookDialog } from "@/components/webhooks/add-webhook-dialog";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/guard";
import { findWebhookEndpoints } from "@/lib/webhooks/find-webhooks";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePageActor("webhooks.manage");
  const endpoints = await findWebhookEndpoints();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhooks"
        description="Keyhold POSTs signed events (Standard Webhooks) to these endpoints when service accounts, tokens or the token policy change. Failed deliveries are retried for about three days."
        actions={<AddWebhookDialog />}
      />
      <WebhooksTable endpoints={endpoints} />
    </div>
  );
}
