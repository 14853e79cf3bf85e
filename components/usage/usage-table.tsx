import type { UsageDay, UsageToken } from "@/lib/usage/find-account-usage";

/**
 * The chart's text alternative: a visually hidden table of the days with requests (days without are left out,
 * and the caption says so), one column per token shown.
 */
export function UsageTable({ days, tokens, label, caption }: { days: UsageDay[]; tokens: UsageToken[]; label: (token: UsageToken) => string; caption: string }) {
  const active = days.filter(({ requests }) => tokens.some((token) => (requests[token.id] ?? 0) > 0));
  return (
    // The wrapper, not the table, is visually hidden: a table grows to its content whatever its width, and an
    // sr-only table that wide stretched the page sideways on a phone.
    <div className="sr-only">
      <table data-testid="usage-table">
        <caption>
          {caption}; {active.length === 0 ? "no requests." : "days without requests are left out."}
        </caption>
        <thead>
          <tr>
            <th scope="col">Day (UTC)</th>
            {tokens.map((token) => (
              <th key={token.id} scope="col">
                {label(token)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {active.map(({ day, requests }) => (
            <tr key={day}>
              <th scope="row">{day}</th>
              {tokens.map((token) => (
                <td key={token.id}>{requests[token.id] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
