import { Badge } from "@/components/ui/badge";
import { FocusTip } from "@/components/ui/focus-tip";

/** An account's owner, marked when the owner is disabled (the account keeps working unless policy suspends it). */
export function OwnerName({ owner, withEmail = false }: { owner: { name: string; email: string; status: string }; withEmail?: boolean }) {
  return (
    <span className="inline-flex max-w-full flex-wrap items-center gap-1.5">
      {withEmail ? (
        <>
          <span className="[overflow-wrap:anywhere]">{owner.name}</span>
          <span className="text-slate-500 [overflow-wrap:anywhere]">({owner.email})</span>
        </>
      ) : (
        // A long name is cut in a table cell; hover or focus shows it in full, with the email.
        <FocusTip tip={`${owner.name} <${owner.email}>`} className="block max-w-[10rem] truncate">
          {owner.name}
        </FocusTip>
      )}
      {owner.status !== "ACTIVE" ? <Badge tone="amber">Owner disabled</Badge> : null}
    </span>
  );
}
