import { z } from "zod";
import { singleLineText } from "@/lib/validation/text";

// What POST /api/v1/tokens/leaked accepts (lib/api/v1/leak-route.ts): a JSON array of reports, or text with one
// token per line. A token's own shape is NOT checked here: a malformed token is answered like any other (202),
// so the answer says nothing about which tokens exist.

export const MAX_LEAK_REPORTS = 100;

const isHttpUrl = (text: string) => {
  try {
    const { protocol } = new URL(text);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
};

export const leakReportSchema = z.strictObject({
  token: singleLineText().trim().min(1, "Enter the token").max(200, "At most 200 characters"),
  url: singleLineText().trim().max(2048, "At most 2,048 characters").refine(isHttpUrl, "Must be an http(s) URL").optional().describe("Where the token was found"),
  source: singleLineText().trim().min(1).max(200, "At most 200 characters").optional().describe("Who reports it, e.g. the scanner's name"),
});

export const leakReportsSchema = z
  .array(leakReportSchema)
  .min(1, "Report at least one token")
  .max(MAX_LEAK_REPORTS, `At most ${MAX_LEAK_REPORTS} tokens per request`);

export type LeakReport = z.output<typeof leakReportSchema>;

/** text/plain: one token per line, blank lines ignored; checked by the same schema. */
export const reportsFromText = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((token) => ({ token }));
