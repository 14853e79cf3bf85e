import { LocalTime } from "@/components/ui/local-time";
import { SimpleTable } from "@/components/ui/simple-table";
import type { ClientAddress } from "@/lib/usage/find-account-usage";

/** The last distinct addresses the account's tokens were used from (recorded once a minute by the API). */
export function ClientAddresses({ addresses }: { addresses: ClientAddress[] }) {
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">Recent client addresses</h3>
      <SimpleTable
        label="Recent client addresses"
        headers={["Address", "First seen", "Last seen", "Requests"]}
        empty="No API requests recorded yet."
        rows={addresses.map((address) => ({
          key: address.ip,
          cells: [
            <code key="ip" className="font-mono text-xs">
              {address.ip}
            </code>,
            <LocalTime key="first" iso={address.firstSeenAt} />,
            <LocalTime key="last" iso={address.lastSeenAt} />,
            <span key="n" className="tabular-nums">
              {address.requests.toLocaleString("en-US")}
            </span>,
          ],
        }))}
      />
    </div>
  );
}
