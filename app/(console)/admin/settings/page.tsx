import type { Metadata } from "next";
import { MailSettingsSection } from "@/components/notifications/mail-settings-section";
import { TokenPolicyForm } from "@/components/policy/token-policy-form";
import { TokensOutsidePolicy } from "@/components/policy/tokens-outside-policy";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/guard";
import { hasPermission } from "@/lib/auth/permissions";
import { findTokensOutsidePolicy } from "@/lib/policy/find-tokens-outside-policy";
import { loadTokenPolicy } from "@/lib/policy/token-policy";
import { mailSettings } from "@/lib/mail/transport";

export const metadata: Metadata = { title: "Settings" };

/** Organisation settings: the token policy (OWNER changes it; ADMINs, who manage every token, see it). */
export default async function SettingsPage() {
  const actor = await requirePageActor("service_accounts.manage_all");
  const policy = await loadTokenPolicy();
  const outside = await findTokensOutsidePolicy(policy);
  return (
    <div className="space-y-6">
      <PageHeader title="Settings" description="Rules every token follows, whoever creates it and however (console or API)." />
      <section aria-labelledby="token-policy-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="token-policy-heading" className="text-base font-semibold text-slate-900">
          Token policy
        </h2>
        <TokenPolicyForm policy={policy} canManage={hasPermission(actor.role, "settings.manage")} />
      </section>
      <TokensOutsidePolicy tokens={outside.tokens} total={outside.total} />
      <MailSettingsSection settings={mailSettings()} canSendTest={hasPermission(actor.role, "notifications.send_test")} email={actor.email} />
    </div>
  );
}
