import { createWriteStream, existsSync, readFileSync, statSync } from "node:fs";
import { once } from "node:events";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { CSV_COLUMNS, csvHeader, csvRow, type CsvColumn } from "../../lib/audit/audit-csv";
import { call } from "../client/api";
import { context, examples } from "../context";
import { CliError, EXIT } from "../output/exit-codes";
import { filterOptions, filtersOf, type AuditEvent } from "./audit";

type ExportOptions = Parameters<typeof filtersOf>[0] & { format: string; out: string; resume?: boolean };

export function registerAuditExport(audit: Command) {
  filterOptions(audit.command("export"))
    .description("Every matching event, oldest first, into a file (CSV or NDJSON); --resume continues an interrupted export")
    .requiredOption("--format <format>", "csv or ndjson")
    .requiredOption("-o, --out <file>", "the file to write")
    .option("--resume", "continue after the last event already in the file")
    .addHelpText("after", examples("keyhold audit export --format ndjson -o audit.ndjson", "keyhold audit export --format csv -o audit.csv --since 2026-12-01T00:00:00Z --resume"))
    .action(async (_o, command: Command) => {
      const { options, api } = context<ExportOptions>(command);
      if (options.format !== "csv" && options.format !== "ndjson") throw new CliError("--format must be csv or ndjson", EXIT.usage);
      const resuming = Boolean(options.resume) && existsSync(options.out) && statSync(options.out).size > 0;
      const after = resuming ? lastIdIn(options.out, options.format) : "0";
      const client = api();
      const filters = filtersOf(options);
      const newest = await call(client.GET("/api/v1/audit-events", { params: { query: { ...filters, limit: 1 } } }));
      const last = BigInt(newest.data[0]?.id ?? after);
      const stream = await call(client.GET("/api/v1/audit-events/export", { params: { query: { ...filters, after: after === "0" ? undefined : after } }, parseAs: "stream" }));

      const out = createWriteStream(options.out, { flags: resuming ? "a" : "w", mode: 0o600 });
      if (!resuming && options.format === "csv") out.write(csvHeader());
      const span = Number(last - BigInt(after));
      const bar = process.stderr.isTTY && span > 0 ? new SingleBar({ format: "exporting [{bar}] {percentage}% | {count} events", stream: process.stderr }) : null;
      bar?.start(span, 0, { count: 0 });
      let count = 0;
      for await (const event of ndjsonEvents(stream!)) {
        if (!out.write(options.format === "csv" ? csvRow(flatten(event)) : `${JSON.stringify(event)}\n`)) await once(out, "drain");
        count++;
        if (count % 100 === 0) bar?.update(Math.min(span, Number(BigInt(event.id) - BigInt(after))), { count });
      }
      bar?.update(span, { count });
      bar?.stop();
      out.end();
      await once(out, "finish");
      process.stderr.write(`${resuming ? "appended" : "wrote"} ${count} events to ${options.out}${resuming ? ` (after event ${after})` : ""}\n`);
    });
}

async function* ndjsonEvents(stream: ReadableStream<Uint8Array>): AsyncGenerator<AuditEvent> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) if (line) yield JSON.parse(line) as AuditEvent;
  }
  if (buffered.trim()) yield JSON.parse(buffered) as AuditEvent;
}

/** The API's event as the export's CSV row (the console's columns). */
function flatten(e: AuditEvent): Record<CsvColumn, unknown> {
  const row = {
    id: e.id,
    occurredAt: e.occurredAt,
    actorType: e.actor.type,
    actorId: e.actor.id,
    actorName: e.actor.name,
    actorTokenId: e.actor.tokenId,
    action: e.action,
    targetType: e.target?.type ?? null,
    targetId: e.target?.id ?? null,
    targetName: e.target?.name ?? null,
    ip: e.ip,
    userAgent: e.userAgent,
    requestId: e.requestId,
    result: e.result,
    metadata: e.metadata,
    hash: e.hash,
  } satisfies Record<CsvColumn, unknown>;
  return row;
}

/** The id of the file's last complete event: the NDJSON line's id, or the CSV row's first cell. */
function lastIdIn(file: string, format: "csv" | "ndjson"): string {
  const lines = readFileSync(file, "utf8").split("\n");
  // A cut-off last line (no newline) is incomplete: drop it and start again after the one before.
  if (lines.at(-1) !== "") throw new CliError(`${file} ends in a cut-off line: remove it, then --resume`, EXIT.usage);
  const last = lines.at(-2) ?? "";
  const id = format === "ndjson" ? (JSON.parse(last) as { id?: string }).id : last.split(",", 1)[0];
  if (!id || !/^\d+$/.test(id)) {
    if (format === "csv" && last === CSV_COLUMNS.join(",")) return "0";
    throw new CliError(`${file} does not end with a Keyhold ${format} event: cannot resume`, EXIT.usage);
  }
  return id;
}
