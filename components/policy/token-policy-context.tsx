"use client";
import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_TOKEN_POLICY, type TokenPolicy } from "@/lib/policy/token-policy-schema";

const TokenPolicyContext = createContext<TokenPolicy>(DEFAULT_TOKEN_POLICY);

/** The token policy in force, for every dialog that offers expiration choices (the console layout loads it once per page). */
export function TokenPolicyProvider({ policy, children }: { policy: TokenPolicy; children: ReactNode }) {
  return <TokenPolicyContext.Provider value={policy}>{children}</TokenPolicyContext.Provider>;
}

export const useTokenPolicy = () => useContext(TokenPolicyContext);
