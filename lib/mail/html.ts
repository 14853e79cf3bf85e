/** Text for HTML: every character that could start markup or end an attribute, escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** An exact instant as emails show it: UTC, to the second. */
export const utc = (date: Date) => `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
