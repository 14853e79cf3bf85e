"use client";
import { createContext, useContext, type ReactNode } from "react";
// A type only: the schema module holds zod, which the console's layout must not load on every page.
import type { TokenPolicy } from "@/lib/policy/token-policy-schema";

const TokenPolicyContext = createContext<TokenPolicy | null>(null);

/** The token policy in force, for every dialog that offers expiration choices (the console layout loads it once per page). */
export function TokenPolicyProvider({ policy, children }: { policy: TokenPolicy; children: ReactNode }) {
  return <TokenPolicyContext.Provider value={policy}>{children}</TokenPolicyContext.Provider>;
}

export function useTokenPolicy(): TokenPolicy {
  const policy = useContext(TokenPolicyContext);
  if (!policy) throw new Error("useTokenPolicy is used outside the console layout's TokenPolicyProvider.");
  return policy;
}
