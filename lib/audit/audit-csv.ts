// The audit export's CSV: its columns and cells. Pure, so the keyhold CLI (`audit export --format csv`) writes the
// same file as the console's export.

export const CSV_COLUMNS = ["id", "occurredAt", "actorType", "actorId", "actorName", "actorTokenId", "action", "targetType", "targetId", "targetName", "ip", "userAgent", "requestId", "result", "metadata", "hash"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : JSON.stringify(value);
  // A spreadsheet would run a cell starting with these as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = () => `${CSV_COLUMNS.join(",")}\n`;
export const csvRow = (event: Record<CsvColumn, unknown>) => `${CSV_COLUMNS.map((column) => csvCell(event[column])).join(",")}\n`;
