import { cn } from "@/lib/cn";

/**
 * How a column shows below 640 px, where every list's rows become cards (one layout for DataTable,
 * SimpleTable and the audit table): `title` leads the card, `actions` (one small menu button) sits beside it,
 * `field` follows with its label, `footer` (a row of labelled buttons, too wide to sit beside the title) closes
 * the card, and `detail` is left for the detail page. Default `field`.
 */
export type CardRole = "title" | "field" | "detail" | "actions" | "footer";
export type ColumnCardMeta = {
  card?: CardRole;
  cardLabel?: string;
  /** In the table layout, shown only from 1536 px: what may wait for the detail page on a laptop. */
  wideOnly?: boolean;
};
export const WIDE_ONLY = "max-2xl:hidden";

// Below `sm` the table, its body, rows and cells become blocks: each row a card whose cells wrap.
export const CARD_TABLE = "min-w-full divide-y divide-slate-200 text-sm max-sm:block max-sm:divide-y-0";
// The header row stays for screen readers (the cells keep their column headers); the cards show labels instead.
export const CARD_HEAD = "bg-slate-50 max-sm:sr-only";
export const CARD_BODY = "divide-y divide-slate-100 max-sm:block";
export const CARD_ROW = "max-sm:flex max-sm:flex-wrap max-sm:items-start max-sm:gap-x-6 max-sm:gap-y-2 max-sm:px-4 max-sm:py-3";
const CARD_CELL: Record<CardRole, string> = {
  // The title leaves room only for the actions beside it, so the fields start a new line.
  title: "max-sm:order-1 max-sm:min-w-0 max-sm:grow max-sm:basis-[calc(100%-4rem)] max-sm:whitespace-normal max-sm:[overflow-wrap:anywhere]",
  actions: "max-sm:order-2 max-sm:ml-auto",
  field: "max-sm:order-3 max-sm:min-w-0 max-sm:max-w-full max-sm:whitespace-normal max-sm:[overflow-wrap:anywhere]",
  detail: "max-sm:hidden",
  // Hidden when it holds no button (e.g. a revoked token's row), so it adds no gap.
  footer: "max-sm:order-4 max-sm:basis-full max-sm:[&:not(:has(button))]:hidden",
};
// Padding belongs to the table layout only; a card spaces its cells with the row's gap.
export const CARD_CELL_RESET = "max-sm:block max-sm:p-0 max-sm:first:pl-0 max-sm:last:pr-0";

export function cardCellClass(role: CardRole = "field"): string {
  return cn(CARD_CELL_RESET, CARD_CELL[role]);
}
/**
 * A cell's class and card label: on a phone a field shows its column's label above the value, drawn by CSS from
 * `data-label` (so the cell's text stays the value alone; screen readers still read the label on a card).
 */
export function cardCell(role: CardRole = "field", label?: string): { className: string; "data-label"?: string } {
  if (role !== "field" || !label) return { className: cardCellClass(role) };
  return { className: cn(cardCellClass(role), CARD_LABEL), "data-label": label };
}
const CARD_LABEL =
  "max-sm:before:mb-0.5 max-sm:before:block max-sm:before:text-xs max-sm:before:font-semibold max-sm:before:uppercase max-sm:before:tracking-wide max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]";
