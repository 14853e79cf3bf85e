import { stringify } from "yaml";
import { CliError, EXIT } from "./exit-codes";

// What commands print: an aligned table for people, or the API's own JSON/YAML for scripts (--json, --output).

export const FORMATS = ["table", "json", "yaml"] as const;
export type Format = (typeof FORMATS)[number];
export type OutputOptions = { json?: boolean; output?: string };
export type Table = { head: string[]; rows: (string | number | boolean | null | undefined)[][] };

export function formatOf(options: OutputOptions): Format {
  if (options.json) return "json";
  const format = options.output ?? "table";
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`--output must be one of ${FORMATS.join(", ")}`, EXIT.usage);
  return format as Format;
}

/** Prints `value` as the options ask: `table` makes the table (people), JSON and YAML print `value` itself. */
export function print(options: OutputOptions, value: unknown, table: () => Table): void {
  const format = formatOf(options);
  if (format === "json") process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else if (format === "yaml") process.stdout.write(stringify(value));
  else process.stdout.write(renderTable(table()));
}

export function renderTable({ head, rows }: Table): string {
  const cells = [head, ...rows.map((row) => row.map(cell))];
  const widths = head.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) => row.map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i]!))).join("  ").trimEnd();
  return `${cells.map((row) => line(row as string[])).join("\n")}\n`;
}

const cell = (value: string | number | boolean | null | undefined) => (value === null || value === undefined || value === "" ? "-" : String(value).replace(/\s+/g, " "));

/** For output that has no table form (a command that prints text itself, or only JSON/YAML). */
export const noTable = (): Table => ({ head: [], rows: [] });

/** Key/value rows for one object (get commands). */
export const fieldsTable = (fields: Record<string, unknown>): Table => ({
  head: ["FIELD", "VALUE"],
  rows: Object.entries(fields).map(([key, value]) => [key, typeof value === "object" && value !== null ? JSON.stringify(value) : (value as string)]),
});

/**
 * An answer that carries a new token's value: for people the value alone on stdout (printSecret), for scripts the
 * whole answer as JSON/YAML; the warning on stderr either way.
 */
export function printRevealed(options: OutputOptions, answer: unknown, label: string, value: string): void {
  if (formatOf(options) === "table") return printSecret(label, value);
  process.stderr.write("warning: the token value in this output is shown only once; store it now.\n");
  print(options, answer, noTable);
}

/** A token value: on stdout alone (so `> file` catches it), with the warning on stderr. */
export function printSecret(label: string, value: string): void {
  process.stderr.write(`warning: ${label}: this is the only time its value is shown; store it now.\n`);
  process.stdout.write(`${value}\n`);
}
