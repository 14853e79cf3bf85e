import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db, type Prisma } from "@/lib/db/client";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { validationError } from "@/lib/errors";
import { DEFAULT_TOKEN_POLICY, tokenPolicySchema, type TokenPolicy } from "./token-policy-schema";

const KEY = "tokens.policy";
const DAY_MS = 86_400_000;

/** The policy in force (the defaults until an OWNER saves one). Pass the transaction to read it under its locks. */
export async function loadTokenPolicy(client: Prisma.TransactionClient = db): Promise<TokenPolicy> {
  const setting = await client.setting.findUnique({ where: { key: KEY } });
  const parsed = tokenPolicySchema.safeParse(setting?.value);
  return parsed.success ? parsed.data : DEFAULT_TOKEN_POLICY;
}

export async function setTokenPolicy(input: z.output<typeof tokenPolicySchema>, { actor, meta }: ActionContext): Promise<TokenPolicy> {
  await db.$transaction(async (tx) => {
    const before = await loadTokenPolicy(tx);
    if (JSON.stringify(before) === JSON.stringify(input)) return;
    const value = input as unknown as Prisma.InputJsonValue;
    await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value, updatedById: actor.id }, update: { value, updatedById: actor.id } });
    await audit(tx, meta, { action: "settings.changed", actor: actorParty(actor), metadata: { setting: KEY, before, after: input } });
  });
  return input;
}

/** The latest expiry the policy allows for a token of this role made at `from` (null: no limit). */
export function latestExpiry(policy: TokenPolicy, role: ServiceAccountRole, from: Date): Date | null {
  const days = policy.maxLifetimeDays[role];
  return days === null ? null : new Date(from.getTime() + days * DAY_MS);
}

/** Whether "never" may be chosen for a token of this role. */
export const allowsNever = (policy: TokenPolicy, role: ServiceAccountRole) => !policy.requireExpiry && policy.maxLifetimeDays[role] === null;

/**
 * Why the policy refuses this expiry for a token of `role` created (or kept) from `from`, or null when it is
 * allowed. A minute of slack absorbs the time between the console's choice and the server's clock.
 */
export function expiryViolation(policy: TokenPolicy, role: ServiceAccountRole, expiresAt: Date | null, from: Date): string | null {
  const days = policy.maxLifetimeDays[role];
  if (expiresAt === null) {
    if (days !== null) return `The token policy allows ${role} tokens at most ${days} ${days === 1 ? "day" : "days"}: choose an expiry`;
    if (policy.requireExpiry) return "The token policy requires an expiry";
    return null;
  }
  const latest = latestExpiry(policy, role, from);
  if (latest && expiresAt.getTime() > latest.getTime() + 60_000) {
    return `The token policy allows ${role} tokens at most ${days} ${days === 1 ? "day" : "days"} (until ${latest.toISOString().slice(0, 16).replace("T", " ")} UTC)`;
  }
  return null;
}

/** The same, as the field error every path answers (422 in the API, a field error in forms). */
export function assertExpiryWithinPolicy(policy: TokenPolicy, role: ServiceAccountRole, expiresAt: Date | null, from: Date, field: string): void {
  const violation = expiryViolation(policy, role, expiresAt, from);
  if (violation) throw validationError({ [field]: [violation] });
}
