import type { Command } from "commander";
import { call, type ApiClient } from "../client/api";
import type { components } from "../client/api-types";
import { context, examples } from "../context";
import { CliError, EXIT } from "../output/exit-codes";
import { print } from "../output/print";
import { registerAuditExport } from "./audit-export";
import { registerAuditVerify } from "./audit-verify";

export type AuditEvent = components["schemas"]["AuditEvent"];
type Filters = { actor?: string; action?: string; target?: string; since?: string; until?: string };
type ListOptions = Filters & { limit: string; cursor?: string };

/** The API's filters, as options (audit list, tail and export share them). */
export function filterOptions(command: Command): Command {
  return command
    .option("--actor <text>", "actor id, or part of its name")
    .option("--action <action>", "one action, e.g. token.created; ext.* for outside events")
    .option("--target <text>", "target id, or part of its name")
    .option("--since <date-time>", "events at or after")
    .option("--until <date-time>", "events before");
}

export const filtersOf = ({ actor, action, target, since, until }: Filters) => ({ actor, action: action as never, target, since, until });

export const eventsTable = (events: AuditEvent[]) => ({
  head: ["ID", "TIME", "ACTOR", "ACTION", "TARGET", "RESULT"],
  rows: events.map((e) => [e.id, e.occurredAt, e.actor.name ?? e.actor.type, e.action, e.target ? (e.target.name ?? e.target.id) : "", e.result]),
});

/** audit list|tail|export|verify. */
export function registerAudit(program: Command) {
  const audit = program.command("audit").description("The audit log");

  filterOptions(audit.command("list"))
    .description("Audit events, newest first (one page; --cursor for the next)")
    .option("--limit <n>", "events per page (at most 100)", "50")
    .option("--cursor <cursor>", "the previous page's nextCursor (printed on stderr)")
    .addHelpText("after", examples("keyhold audit list --action token.created --since 2026-12-01T00:00:00Z", "keyhold audit list --json | jq '.data[].action'"))
    .action(async (_o, command: Command) => {
      const { options, api } = context<ListOptions>(command);
      const page = await call(api().GET("/api/v1/audit-events", { params: { query: { ...filtersOf(options), limit: Number(options.limit), cursor: options.cursor } } }));
      print(options, page, () => eventsTable(page.data));
      if (page.nextCursor && !options.json && (options.output ?? "table") === "table") process.stderr.write(`more: --cursor ${page.nextCursor}\n`);
    });

  filterOptions(audit.command("tail"))
    .description("Follow new audit events as they are written (Ctrl-C stops)")
    .option("--interval <seconds>", "how often to ask for new events", "2")
    .addHelpText("after", examples("keyhold audit tail", "keyhold audit tail --action token.revoked --json"))
    .action(async (_o, command: Command) => {
      const { options, api } = context<Filters & { interval: string }>(command);
      const seconds = Number(options.interval);
      if (!(seconds > 0)) throw new CliError("--interval must be a positive number of seconds", EXIT.usage);
      const client = api();
      const newest = await call(client.GET("/api/v1/audit-events", { params: { query: { ...filtersOf(options), limit: 1 } } }));
      let after = newest.data[0]?.id ?? "0";
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        // The list, not the export: an export is itself audited, so each poll would make an event.
        const events = await eventsAfter(client, filtersOf(options), after);
        for (const event of events) writeEvent(options, event);
        if (events.length) after = events.at(-1)!.id;
      }
    });

  registerAuditExport(audit);
  registerAuditVerify(audit);
}

/** The events newer than `after`, oldest first (newest-first pages until one reaches `after`). */
async function eventsAfter(client: ApiClient, filters: ReturnType<typeof filtersOf>, after: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(client.GET("/api/v1/audit-events", { params: { query: { ...filters, limit: 100, cursor } } }));
    const newer = page.data.filter((event) => BigInt(event.id) > BigInt(after));
    events.push(...newer);
    cursor = newer.length === page.data.length ? (page.nextCursor ?? undefined) : undefined;
  } while (cursor);
  return events.reverse();
}

function writeEvent(options: { json?: boolean; output?: string }, event: AuditEvent) {
  if (options.json || options.output === "json") process.stdout.write(`${JSON.stringify(event)}\n`);
  else process.stdout.write(`${event.id}  ${event.occurredAt}  ${event.actor.name ?? event.actor.type}  ${event.action}  ${event.target ? (event.target.name ?? event.target.id) : "-"}  ${event.result}\n`);
}
