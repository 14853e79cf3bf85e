import type { z } from "zod";
import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { db, type Prisma } from "@/lib/db/client";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { validationError } from "@/lib/errors";
import { expiryViolation } from "./token-policy-rules";
import { DEFAULT_TOKEN_POLICY, tokenPolicySchema, type TokenPolicy } from "./token-policy-schema";

export { allowsNever, expiryViolation, fitToPolicy, latestExpiry } from "./token-policy-rules";

const KEY = "tokens.policy";

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

/** The same, as the field error every path answers (422 in the API, a field error in forms). */
export function assertExpiryWithinPolicy(policy: TokenPolicy, role: ServiceAccountRole, expiresAt: Date | null, from: Date, field: string): void {
  const violation = expiryViolation(policy, role, expiresAt, from);
  if (violation) throw validationError({ [field]: [violation] });
}
