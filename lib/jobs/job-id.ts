import { createHash } from "node:crypto";

/**
 * A stable UUID for a job that must exist once, from what makes it unique ("expiring-7:<token id>", say):
 * every instance that decides to enqueue it computes the same id, and pg-boss keeps the first.
 */
export function jobId(key: string): string {
  const hex = createHash("sha256").update(`keyhold-job:${key}`).digest("hex");
  // Shaped as a version-5-style UUID (pg-boss's id column is a uuid).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
