/** Escapes LIKE's wildcards, so a search for "ci_bot" or "50%" matches those characters literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Prisma's case-insensitive substring match (Prisma passes `contains` to ILIKE without escaping). */
export function containsText(text: string) {
  return { contains: escapeLike(text), mode: "insensitive" as const };
}
