"use client";
import { useId, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cn } from "@/lib/cn";
import type { UsageDay, UsageToken } from "@/lib/usage/find-account-usage";
import { UsageTable } from "./usage-table";

const RANGES = [30, 90] as const;
/** Series colours, each ≥ 3:1 against white and dark backgrounds' cards. */
const COLOURS = ["#4f46e5", "#0891b2", "#c026d3", "#ea580c", "#16a34a", "#9333ea"];
const ALL = "all";

/** Requests per day, stacked per token (or one token), over 30 or 90 days; the table beside it says the same in text. */
export function UsageChart({ tokens, days }: { tokens: UsageToken[]; days: UsageDay[] }) {
  const [range, setRange] = useState<(typeof RANGES)[number]>(30);
  const [picked, setPicked] = useState<string>(ALL);
  const pickerId = useId();
  const shownTokens = picked === ALL ? tokens : tokens.filter((token) => token.id === picked);
  const shownDays = days.slice(-range);
  const data = shownDays.map(({ day, requests }) => ({ day, ...Object.fromEntries(shownTokens.map((token) => [token.id, requests[token.id] ?? 0])) }));
  const total = shownDays.reduce((sum, { requests }) => sum + shownTokens.reduce((n, token) => n + (requests[token.id] ?? 0), 0), 0);
  const label = (token: UsageToken) => `${token.name} (${token.hint})`;

  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div role="group" aria-label="Period" className="inline-flex rounded-md border border-slate-300 p-0.5 text-sm">
          {RANGES.map((days) => (
            <button
              key={days}
              type="button"
              aria-pressed={range === days}
              onClick={() => setRange(days)}
              className={cn(
                "rounded px-3 py-1 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
                range === days ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100",
              )}>
              {days} days
            </button>
          ))}
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={pickerId} className="text-xs font-medium text-slate-700">
            Token
          </label>
          <select id={pickerId} value={picked} onChange={(event) => setPicked(event.target.value)} className="max-w-64 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900">
            <option value={ALL}>All tokens</option>
            {tokens.map((token) => (
              <option key={token.id} value={token.id}>
                {label(token)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="usage-summary">
        {total.toLocaleString("en-US")} {total === 1 ? "request" : "requests"} in the last {range} days
        {picked === ALL ? ` across ${shownTokens.length} ${shownTokens.length === 1 ? "token" : "tokens"}` : ` with ${label(shownTokens[0]!)}`}.
      </p>
      {/* The chart is for the eye; the table after it carries the same numbers for assistive technology. */}
      <div aria-hidden="true" className="h-60 w-full" data-testid="usage-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="day" tickFormatter={(day: string) => day.slice(5)} tick={{ fill: "#475569", fontSize: 12 }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fill: "#475569", fontSize: 12 }} width={40} />
            <Tooltip />
            {shownTokens.map((token, i) => (
              <Bar key={token.id} dataKey={token.id} name={label(token)} stackId="requests" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <UsageTable days={shownDays} tokens={shownTokens} label={label} caption={`Requests per day, last ${range} days`} />
    </div>
  );
}
