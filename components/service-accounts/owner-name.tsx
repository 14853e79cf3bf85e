import { Badge } from "@/components/ui/badge";

/** An account's owner, marked when the owner is disabled (the account keeps working unless policy suspends it). */
export function OwnerName({ owner, withEmail = false }: { owner: { name: string; email: string; status: string }; withEmail?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span title={owner.email}>{owner.name}</span>
      {withEmail ? <span className="text-slate-500">({owner.email})</span> : null}
      {owner.status !== "ACTIVE" ? <Badge tone="amber">Owner disabled</Badge> : null}
    </span>
  );
}
