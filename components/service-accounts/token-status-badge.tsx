import { Badge } from "@/components/ui/badge";
import { TOKEN_STATUS_LABELS, type TokenStatus } from "@/lib/tokens/token-status";

const TONES = { active: "green", expiring: "amber", expired: "gray", revoked: "red", suspended: "amber" } as const satisfies Record<TokenStatus, string>;

/** A token's (or its account's current token's) status: Active green, Expiring amber, Expired gray, Revoked red, Suspended amber. */
export function TokenStatusBadge({ status }: { status: TokenStatus }) {
  return <Badge tone={TONES[status]}>{TOKEN_STATUS_LABELS[status]}</Badge>;
}
