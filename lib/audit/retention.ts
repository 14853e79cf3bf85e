import type { ActionContext } from "@/lib/actions/run-action";
import { actorParty } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { logError, logInfo } from "@/lib/log";
import { audit } from "./audit";
import { purgeAuditEvents } from "./purge-audit-events";
import type { setRetentionSchema } from "./schemas";
import type { z } from "zod";

const KEY = "audit.retentionDays";
const DAY_MS = 86_400_000;

/** Days to keep audit events; null keeps them forever (the default). */
export async function getAuditRetentionDays(): Promise<number | null> {
  const setting = await db.setting.findUnique({ where: { key: KEY } });
  return typeof setting?.value === "number" ? setting.value : null;
}

/** The OWNER's setting. Audited; applied at once. */
export async function setAuditRetention({ retentionDays }: z.output<typeof setRetentionSchema>, { actor, meta }: ActionContext) {
  const before = await getAuditRetentionDays();
  await db.$transaction(async (tx) => {
    if (retentionDays === null) await tx.setting.deleteMany({ where: { key: KEY } });
    else await tx.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: retentionDays, updatedById: actor.id }, update: { value: retentionDays, updatedById: actor.id } });
    await audit(tx, meta, { action: "audit.retention_changed", actor: actorParty(actor), metadata: { before: { retentionDays: before }, after: { retentionDays } } });
  });
  const purged = retentionDays === null ? 0 : (await purgeAuditEvents(retentionDays, actorParty(actor), meta)).purged;
  return { retentionDays, purged };
}

/** Applies the retention setting now and then once a day, for as long as the server runs. */
export function scheduleAuditRetention(): void {
  const run = async () => {
    try {
      const days = await getAuditRetentionDays();
      if (days === null) return;
      const { purged } = await purgeAuditEvents(days, { type: "SYSTEM", name: "Audit retention" }, { ip: null, userAgent: null, requestId: "retention" });
      if (purged) logInfo("audit retention purged events", { purged, retentionDays: days });
    } catch (error) {
      logError("audit retention failed", error);
    }
  };
  void run();
  setInterval(run, DAY_MS).unref();
}
