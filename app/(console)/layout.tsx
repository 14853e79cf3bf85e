import type { ReactNode } from "react";
import { TokenPolicyProvider } from "@/components/policy/token-policy-context";
import { ConsoleShell } from "@/components/shell/console-shell";
import { requirePageActor } from "@/lib/auth/guard";
import { loadTokenPolicy } from "@/lib/policy/token-policy";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const policy = await loadTokenPolicy();
  return (
    <ConsoleShell actor={actor}>
      <TokenPolicyProvider policy={policy}>{children}</TokenPolicyProvider>
    </ConsoleShell>
  );
}
