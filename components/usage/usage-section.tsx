import type { Actor } from "@/lib/auth/actor";
import { findAccountUsage } from "@/lib/usage/find-account-usage";
import { ClientAddresses } from "./client-addresses";
import { UsageChart } from "./usage-chart";

/** An account's Usage: requests per day per token (30 or 90 days), and the client addresses it was last used from. */
export async function UsageSection({ actor, accountId }: { actor: Actor; accountId: string }) {
  const usage = await findAccountUsage(actor, accountId);
  return (
    <section aria-labelledby="usage-heading" className="space-y-4">
      <h2 id="usage-heading" className="text-lg font-semibold text-slate-900">
        Usage
      </h2>
      <UsageChart tokens={usage.tokens} days={usage.days} />
      <ClientAddresses addresses={usage.addresses} />
    </section>
  );
}
