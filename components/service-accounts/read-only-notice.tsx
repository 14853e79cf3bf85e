import { Info } from "lucide-react";

/** For an owner whose role may see but not change their accounts (VIEWER): who can change them. */
export function ReadOnlyNotice({ managers, what }: { managers: readonly { name: string; email: string }[]; what: string }) {
  const ask = managers.length ? managers.map((m) => `${m.name} (${m.email})`).join(", ") : "an administrator";
  return (
    <div role="note" className="flex gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
      <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p className="[overflow-wrap:anywhere]">
        Your role lets you see {what} but not change {what === "this account" ? "it" : "them"}. Only admins can change service accounts and
        their tokens — ask {ask}.
      </p>
    </div>
  );
}
