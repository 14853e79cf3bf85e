import { NextResponse } from "next/server";
import { auditKeyring } from "@/lib/audit/audit-keys";
import { checkpointFile, latestCheckpoint } from "@/lib/audit/checkpoints/find-checkpoints";
import { requireRouteActor } from "@/lib/auth/route-guard";

/** GET /admin/audit-log/checkpoint: the latest signed checkpoint with its public key, as a file to keep. */
export async function GET() {
  const actor = await requireRouteActor("audit.read");
  if (actor instanceof NextResponse) return actor;
  const latest = await latestCheckpoint();
  const file = latest && checkpointFile(latest, auditKeyring().signer);
  if (!file) {
    const message = latest ? "The latest checkpoint was signed with a previous signing key; the next one (within 10 minutes of new events) can be downloaded." : "No checkpoint has been signed yet.";
    return NextResponse.json({ error: { code: "not_found", message } }, { status: 404 });
  }
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json",
      "Content-Disposition": `attachment; filename="keyhold-checkpoint-${file.eventId}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
