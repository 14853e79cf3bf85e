import type { Metadata } from "next";
import { AttentionGrid } from "@/components/home/attention-grid";
import { ReviewTokens } from "@/components/home/review-tokens";
import { ScopeSwitch } from "@/components/home/scope-switch";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { findAttention } from "@/lib/home/find-attention";
import { findReviewTokens } from "@/lib/home/find-review-tokens";
import { homeScopeOf, seesOrganisation } from "@/lib/home/home-scope";

export const metadata: Metadata = { title: "Home" };

/** What needs attention among one's own tokens (or the organisation's, for roles that read every account). */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("service_accounts.read_own");
  const scope = homeScopeOf(actor, (await searchParams).scope);
  const reviews = hasPermission(actor.role, "service_accounts.manage_all");
  const [groups, review] = await Promise.all([findAttention(actor, scope), reviews ? findReviewTokens(actor) : null]);

  return (
    <div className="space-y-8">
      <PageHeader
        title="Home"
        description={
          scope === "all"
            ? "What needs attention among the organisation's API tokens: expiring, expired, unused, or owned by a disabled user."
            : "What needs attention among the API tokens you own: expiring, expired, unused, or owned by a disabled user."
        }
        actions={seesOrganisation(actor) ? <ScopeSwitch scope={scope} /> : null}
      />
      <AttentionGrid groups={groups} scope={scope} />
      {review ? <ReviewTokens groups={review} /> : null}
    </div>
  );
}
