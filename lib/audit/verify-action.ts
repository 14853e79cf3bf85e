import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pool";
import { audit } from "./audit";
import { verifyAuditChain, type VerifyResult } from "./verify-audit-chain";

/** The Verify integrity button: walks the chain and records that it was checked, and what was found. */
export async function verifyAuditLog(_input: unknown, { actor, meta }: ActionContext): Promise<VerifyResult> {
  const result = await verifyAuditChain(pgPool());
  await db.$transaction((tx) =>
    audit(tx, meta, {
      action: "audit.verified",
      actor: actorParty(actor),
      result: result.ok ? "SUCCESS" : "FAILURE",
      metadata: result.ok ? { ok: true, count: result.count } : { ok: false, count: result.count, firstBreak: result.firstBreak },
    }),
  );
  return result;
}
