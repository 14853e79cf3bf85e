import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { requirePageActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "API Tokens" };

export default async function ApiTokensPage() {
  await requirePageActor("service_accounts.read_own");
  return <ComingSoon title="API Tokens">Service accounts and their API tokens will be managed here.</ComingSoon>;
}
