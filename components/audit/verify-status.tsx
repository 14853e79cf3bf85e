import Link from "next/link";
import type { VerifyResult } from "@/lib/audit/verify-audit-chain";
import { auditHref } from "./audit-url";

export type VerifyState = { status: "idle" } | { status: "running" } | { status: "done"; result: VerifyResult } | { status: "failed"; message: string };

/** What Verify integrity found: the chain intact with its length, or the first event that breaks it. */
export function VerifyStatus({ state }: { state: VerifyState }) {
  if (state.status === "idle") return null;
  if (state.status === "running") return <p className="text-sm text-slate-600">Verifying the hash chain…</p>;
  if (state.status === "failed") return <p className="text-sm text-red-700">{state.message}</p>;
  const { result } = state;
  if (result.ok) {
    return (
      <p className="text-sm font-medium text-emerald-700">
        Integrity verified: {result.count} {result.count === 1 ? "event" : "events"}, chain intact.
      </p>
    );
  }
  return (
    <p className="text-sm font-medium text-red-700">
      Integrity check failed: {result.firstBreak.message}{" "}
      <Link href={auditHref({ event: result.firstBreak.id })} className="underline hover:text-red-900">
        View event {result.firstBreak.id}
      </Link>
    </p>
  );
}
