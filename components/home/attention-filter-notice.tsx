import Link from "next/link";
import { ATTENTION_LABELS, type AttentionBucket } from "@/lib/service-accounts/attention-where";

/** Above a list opened from a home page count: which bucket it shows, and the way back to the whole list. */
export function AttentionFilterNotice({ attention, clearHref }: { attention: AttentionBucket | undefined; clearHref: string }) {
  if (!attention) return null;
  return (
    <p className="rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-slate-800" data-testid="attention-filter">
      Showing accounts: <strong>{ATTENTION_LABELS[attention].toLowerCase()}</strong>.{" "}
      <Link href={clearHref} className="font-medium text-indigo-700 underline hover:text-indigo-900">
        Show all
      </Link>
    </p>
  );
}
